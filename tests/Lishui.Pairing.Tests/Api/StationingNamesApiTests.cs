using System.Net.Http.Json;
using System.Text.Json;

namespace Lishui.Pairing.Tests.Api;

/// <summary>The stationing screens show who is stationed where by name, not by id.</summary>
public sealed class StationingNamesApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task A_schedule_names_its_stationed_leader_and_village()
    {
        var scenario = await StationingScenario.CreateAsync(api);
        using var client = api.CreateClient();

        var one = await client.GetFromJsonAsync<JsonElement>($"/stationing-schedules/{scenario.ScheduleId}");
        var listed = await client.GetFromJsonAsync<JsonElement>($"/stationing-schedules?villageCommitteeId={scenario.Village}");

        Assert.Equal("驻点领导01", one.GetProperty("leaderName").GetString());
        Assert.Equal("鹤峰村党委", one.GetProperty("villageName").GetString());
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("驻点领导01", item.GetProperty("leaderName").GetString());
    }
}
