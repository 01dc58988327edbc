using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// The demo data (deploy/local/demo-data/lishui.json) loads through the public API as seed-demo.py
/// loads it, and gives the shape the article describes.
/// </summary>
public sealed class DemoDataTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task The_demo_town_loads_with_86_hefeng_members_10_in_the_party_building_office_branch_and_48_gaobian_households()
    {
        var data = JsonNode.Parse(await File.ReadAllTextAsync(DemoFile()))!.AsObject();
        using var client = api.CreateClient();
        var ids = new Dictionary<string, Guid>();
        var steps = data["organisations"]!.AsArray().Select(e => ("organisations", e!.AsObject()))
            .Concat(data["members"]!.AsArray().Select(e => ("members", e!.AsObject())))
            .Concat(data["households"]!.AsArray().Select(e => ("households", e!.AsObject())));
        foreach (var (kind, entry) in steps)
        {
            var body = new JsonObject();
            foreach (var (name, value) in entry)
            {
                switch (name)
                {
                    case "key" or "idempotencyKey":
                        break;
                    case "parent":
                        body["parentId"] = ids[value!.GetValue<string>()];
                        break;
                    case "organisation":
                        body["organisationId"] = ids[value!.GetValue<string>()];
                        break;
                    default:
                        body[name] = value?.DeepClone();
                        break;
                }
            }

            var key = (entry["key"] ?? entry["idempotencyKey"])!.GetValue<string>();
            var request = new HttpRequestMessage(HttpMethod.Post, "/" + kind) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{kind} {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            ids[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        Assert.Equal(86, await TotalAsync(client, $"/members?organisationId={ids["demo-org-hefeng"]}&includeDescendants=true"));
        Assert.Equal(10, await TotalAsync(client, $"/members?organisationId={ids["demo-org-pbo"]}"));
        Assert.Equal(48, await TotalAsync(client, $"/households?organisationId={ids["demo-org-gaobian"]}"));
        Assert.True(await TotalAsync(client, $"/members?organisationId={ids["demo-org-hefeng"]}&includeDescendants=true&cohort=NewStar") > 0);
        Assert.True(await TotalAsync(client, $"/members?organisationId={ids["demo-org-hefeng"]}&includeDescendants=true&cohort=SilverStar") > 0);

        // Offices, as seed/membership.py assigns them once the roll is loaded.
        foreach (var role in data["roles"]!.AsArray().Select(r => r!.AsObject()))
        {
            var body = new JsonObject { ["role"] = role["role"]!.DeepClone(), ["assignedOn"] = role["assignedOn"]!.DeepClone(), ["decidedBy"] = role["decidedBy"]!.DeepClone() };
            if (role["organisation"] is { } office)
            {
                body["organisationId"] = ids[office.GetValue<string>()];
            }

            var key = role["key"]!.GetValue<string>();
            var request = new HttpRequestMessage(HttpMethod.Post, $"/members/{ids[role["member"]!.GetValue<string>()]}/roles") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"role {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var hefengCommittee = await api.WithDbAsync(db => db.RoleAssignments.Where(a => a.OrganisationId == ids["demo-org-hefeng"] && a.RevokedOn == null)
            .Select(a => a.Role.ToString()).ToListAsync());
        Assert.Equal(["CommitteeMember", "CommitteeMember", "DeputySecretary", "Secretary", "StationedLeader"], hefengCommittee.Order().ToList());
        Assert.Equal("Village", (await client.GetFromJsonAsync<JsonElement>($"/organisations/{ids["demo-org-gaobian"]}")).GetProperty("sector").GetString());
        Assert.Equal("Organ", (await client.GetFromJsonAsync<JsonElement>($"/organisations/{ids["demo-org-pbo"]}")).GetProperty("sector").GetString());
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    private static string DemoFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "local", "demo-data", "lishui.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("deploy/local/demo-data/lishui.json not found above the test's directory");
    }
}
