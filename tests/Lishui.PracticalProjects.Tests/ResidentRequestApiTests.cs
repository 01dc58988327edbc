using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Contracts.PracticalProjects;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Tests;

public sealed partial class ResidentRequestApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    private static async Task<JsonElement> RecordAsync(HttpClient client, string subject, string? contactName = null, string? contactPhone = null, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/resident-requests")
        {
            Content = JsonContent.Create(new
            {
                organisationId = Hefeng, subject, location = "鹤峰村", category = "PublicSecurity", recordedBy = "鹤峰村党群服务中心", contactName, contactPhone,
            }),
        };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(message);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"^MS(\d{4})-(\d{5})$")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task A_request_for_an_organisation_the_service_does_not_know_is_refused_and_nothing_is_recorded()
    {
        var unknown = Guid.CreateVersion7();
        using var client = api.CreateClient();
        var before = await RecordAsync(client, "前一条：巷口路灯不亮");
        var contacts = await api.WithDbAsync(db => db.RequesterContacts.CountAsync());

        var response = await client.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = unknown, subject = "巷口积水", contactName = "梁伯", contactPhone = "13800138011",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("organisationId", "organisation.unknown"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.StartsWith("诉求所属组织不在组织名册中", error.GetProperty("message").GetString());
        Assert.False(await api.WithDbAsync(db => db.ResidentRequests.AnyAsync(r => r.OrganisationId == unknown)));
        Assert.Equal(contacts, await api.WithDbAsync(db => db.RequesterContacts.CountAsync()));

        // No reference number was used up by the refusal.
        var after = await RecordAsync(client, "后一条：巷口路灯不亮");
        int Number(JsonElement r) => int.Parse(ReferencePattern().Match(r.GetProperty("referenceNumber").GetString()!).Groups[2].Value);
        Assert.Equal(Number(before) + 1, Number(after));
    }

    [Fact]
    public async Task Requests_entered_at_the_same_moment_get_distinct_sequential_reference_numbers()
    {
        using var client = api.CreateClient();

        var created = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => RecordAsync(client, $"巷道路灯损坏 {i}")));
        var replay = await RecordAsync(client, "巷道路灯损坏 replay", key: "same-key-1");
        var replayed = await RecordAsync(client, "巷道路灯损坏 replay", key: "same-key-1");

        var numbers = created.Select(c => ReferencePattern().Match(c.GetProperty("referenceNumber").GetString()!)).ToList();
        Assert.All(numbers, m => Assert.True(m.Success));
        Assert.All(numbers, m => Assert.Equal(DateTime.UtcNow.AddHours(8).Year.ToString(), m.Groups[1].Value));
        var sequence = numbers.Select(m => int.Parse(m.Groups[2].Value)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], 12), sequence);
        Assert.Equal(replay.GetProperty("referenceNumber").GetString(), replayed.GetProperty("referenceNumber").GetString());
        Assert.Equal(sequence[^1] + 1, int.Parse(ReferencePattern().Match(replay.GetProperty("referenceNumber").GetString()!).Groups[2].Value));
    }

    [Fact]
    public async Task A_contact_left_here_is_read_only_with_a_purpose_and_every_read_is_logged_under_the_tokens_caller()
    {
        var answered = await api.SubscribeAsync(typeof(ResidentRequestAnswered));
        using var client = api.CreateClient();
        var request = await RecordAsync(client, "村口红绿灯时间太短，老人过马路不安全", "陈阿婆", "13800138000");
        var id = request.GetProperty("id").GetGuid();
        Assert.DoesNotContain("13800138000", request.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("projects", request.GetProperty("contactHeldBy").GetString());

        var noPurpose = await client.GetAsync($"/resident-requests/{id}/contact");
        using var claimed = new HttpRequestMessage(HttpMethod.Get, $"/resident-requests/{id}/contact?purpose=告知答复结果");
        claimed.Headers.Add("X-Requested-By", "notification");
        var read = await client.SendAsync(claimed);

        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var contact = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["requestId", "name", "phone"], contact.EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, "陈阿婆", "13800138000"), (contact.GetProperty("requestId").GetGuid(), contact.GetProperty("name").GetString(), contact.GetProperty("phone").GetString()));
        var log = await client.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}/contact-access-log");
        Assert.Equal(1, log.GetProperty("total").GetInt32());
        // The reader is the token's caller (here the test's town administrator), not what a header claims.
        Assert.Equal(("告知答复结果", "town-admin"), (log.GetProperty("items")[0].GetProperty("purpose").GetString(), log.GetProperty("items")[0].GetProperty("requestedBy").GetString()));

        (await client.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已协调交警部门将绿灯时间延长至 40 秒。", answeredBy = "鹤峰村委会" })).EnsureSuccessStatusCode();
        var evt = Assert.Single(await api.ExactlyAsync(answered, id, 1, "one ResidentRequestAnswered"));
        Assert.Equal("projects", evt.GetProperty("contactHeldBy").GetString());
        Assert.Equal(id, evt.GetProperty("contactRequestId").GetGuid());
        Assert.Equal("Cadre", evt.GetProperty("origin").GetString());
        Assert.DoesNotContain("13800138000", evt.GetRawText(), StringComparison.Ordinal);

        var status = await client.GetFromJsonAsync<JsonElement>($"/public/requests/{request.GetProperty("referenceNumber").GetString()}");
        Assert.Equal("Answered", status.GetProperty("status").GetString());
        Assert.Equal("已协调交警部门将绿灯时间延长至 40 秒。", status.GetProperty("reply").GetString());
        foreach (var personal in new[] { "陈阿婆", "13800138000", "红绿灯时间太短" })
        {
            Assert.DoesNotContain(personal, status.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_request_without_a_contact_is_answered_with_no_one_to_tell_and_an_incomplete_contact_is_refused()
    {
        var answered = await api.SubscribeAsync(typeof(ResidentRequestAnswered));
        using var client = api.CreateClient();
        var id = (await RecordAsync(client, "垃圾收集点异味大")).GetProperty("id").GetGuid();
        var halfContact = await client.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = Hefeng, subject = "路面积水", recordedBy = "鹤峰村", contactName = "李伯",
        });

        (await client.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已增加清运频次。", answeredBy = "鹤峰村委会" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, halfContact.StatusCode);
        Assert.Equal("contact.invalid", (await halfContact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var evt = Assert.Single(await api.ExactlyAsync(answered, id, 1, "one ResidentRequestAnswered"));
        Assert.Equal(JsonValueKind.Null, evt.GetProperty("contactHeldBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, evt.GetProperty("contactRequestId").ValueKind);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/resident-requests/{id}/contact?purpose=告知答复");
        read.Headers.Add("X-Requested-By", "notification");
        var none = await client.SendAsync(read);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("contact.not-held-here", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_legal_steps_are_taken_and_a_merged_request_points_at_the_one_that_carries_on()
    {
        var merged = await api.SubscribeAsync(typeof(ResidentRequestMerged));
        using var client = api.CreateClient();
        var first = await RecordAsync(client, "小学门口缺少减速带");
        var second = await RecordAsync(client, "学校门口车速太快，建议装减速带");
        var firstId = first.GetProperty("id").GetGuid();
        var secondId = second.GetProperty("id").GetGuid();

        var intoItself = await client.PostAsJsonAsync($"/resident-requests/{secondId}/merge", new { intoRequestId = secondId, decidedBy = "鹤峰村委会" });
        (await client.PostAsJsonAsync($"/resident-requests/{secondId}/merge", new { intoRequestId = firstId, decidedBy = "鹤峰村委会", note = "同一事项" })).EnsureSuccessStatusCode();
        var answerMerged = await client.PostAsJsonAsync($"/resident-requests/{secondId}/answer", new { reply = "x", answeredBy = "鹤峰村委会" });
        (await client.PostAsJsonAsync($"/resident-requests/{firstId}/acceptance", new { decidedBy = "鹤峰村委会" })).EnsureSuccessStatusCode();
        var acceptTwice = await client.PostAsJsonAsync($"/resident-requests/{firstId}/acceptance", new { decidedBy = "鹤峰村委会" });
        var noReply = await client.PostAsJsonAsync($"/resident-requests/{firstId}/answer", new { reply = " ", answeredBy = "鹤峰村委会" });

        Assert.Equal("request.merge-target-invalid", (await intoItself.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("request.transition-illegal", (await answerMerged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("request.transition-illegal", (await acceptTwice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("request.reply-invalid", (await noReply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var status = await client.GetFromJsonAsync<JsonElement>($"/public/requests/{second.GetProperty("referenceNumber").GetString()}");
        Assert.Equal("Merged", status.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("referenceNumber").GetString(), status.GetProperty("mergedIntoReferenceNumber").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/resident-requests/{firstId}");
        Assert.Equal("Accepted", detail.GetProperty("status").GetString());
        // Who decided is the token's caller (the test's town administrator); a name in the body is not trusted.
        Assert.Equal("town-admin", detail.GetProperty("history")[0].GetProperty("decidedBy").GetString());
        await api.ExactlyAsync(merged, secondId, 1, "one ResidentRequestMerged");
    }

    [Fact]
    public async Task A_request_can_be_linked_to_an_existing_project_which_lists_it_as_its_origin()
    {
        using var client = api.CreateClient();
        var project = await client.PostAsJsonAsync("/projects", new
        {
            title = "村道路灯改造", level = "Village", batch = "2026年第一批", domain = "PublicSecurity", responsibleOrganisationId = Hefeng,
            responsibleCadre = "何书记", location = "鹤峰村", plannedStart = "2026-07-01", plannedEnd = "2026-12-31", budget = 50000, fundingSource = "村集体资金",
        });
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var requests = new[] { await RecordAsync(client, "北巷路灯不亮"), await RecordAsync(client, "南巷晚上太黑") };

        foreach (var r in requests)
        {
            (await client.PostAsJsonAsync($"/resident-requests/{r.GetProperty("id").GetGuid()}/project", new { projectId, decidedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
        }

        var both = await client.PostAsJsonAsync($"/resident-requests/{requests[0].GetProperty("id").GetGuid()}/project", new { projectId, project = new { title = "x" }, decidedBy = "鹤峰村党委" });
        var origins = (await client.GetFromJsonAsync<JsonElement>($"/projects/{projectId}")).GetProperty("originRequestIds").EnumerateArray().Select(e => e.GetGuid());
        Assert.Equal(requests.Select(r => r.GetProperty("id").GetGuid()), origins);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
    }
}
