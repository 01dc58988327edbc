using System.Net.Http.Json;
using System.Text.Json;

namespace Lishui.Pairing.Tests.Api;

/// <summary>An organ branch and a village committee (with a branch below it) on the local views, paired.</summary>
public sealed record PairingScenario(Guid Office, Guid Hefeng, Guid HefengBranch, List<Guid> OrganMembers, List<Guid> VillageMembers, Guid PairingId)
{
    public static async Task<PairingScenario> CreateAsync(PairingApiFactory api, int organ = 10, int village = 86, int? contactEveryDays = null)
    {
        var office = await api.OrganisationAsync("党建工作办党支部");
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee");
        var hefengBranch = await api.OrganisationAsync("鹤峰村第一党支部", "Branch", hefeng);
        var organMembers = await api.MembersAsync(office, organ, "机关党员");

        // Village members sit on the committee's branch: the list takes the whole subtree.
        var villageMembers = await api.MembersAsync(hefengBranch, village, "村党员");
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = hefeng, startsOn = "2026-01-01", purpose = "党员结对", contactEveryDays });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new PairingScenario(office, hefeng, hefengBranch, organMembers, villageMembers, id);
    }

    public async Task<JsonElement> GenerateListAsync(PairingApiFactory api)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync($"/organisation-pairings/{PairingId}/pairing-list", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
