using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Microsoft.AspNetCore.Hosting;

namespace Lishui.Membership.Tests.Api;

/// <summary>The roll filtered by organisation subtree, status and cohort; cohorts relative to today.</summary>
public sealed class MemberQueryApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private static readonly DateOnly Today = TimeProvider.System.Today();
    private Guid village;
    private Guid gaobian;
    private Guid newcomer;
    private Guid elder;
    private Guid veteran;
    private Guid middle;

    public async Task InitializeAsync()
    {
        village = await api.CreateOrganisationAsync(new { name = "鹤峰村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = "鹤峰村党支部", kind = "Branch", parentId = village });
        gaobian = await api.CreateOrganisationAsync(new { name = "高边党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "高边经济社" });
        newcomer = await api.RegisterMemberAsync(gaobian, "新党员", "1998-03-01", Iso(Today.AddYears(-1)), fullMemberOn: null);
        elder = await api.RegisterMemberAsync(gaobian, "老党员", Iso(Today.AddYears(-65)), "1985-07-01", "1986-07-01");
        veteran = await api.RegisterMemberAsync(branch, "资深党员", Iso(Today.AddYears(-55)), Iso(Today.AddYears(-33)), Iso(Today.AddYears(-32)));
        middle = await api.RegisterMemberAsync(branch, "中年党员", "1985-01-01", "2010-07-01", "2011-07-01");
        var gone = await api.RegisterMemberAsync(gaobian, "已故新党员", "1995-01-01", Iso(Today.AddYears(-2)), Iso(Today.AddYears(-1)));
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/members/{gone}/status-changes",
            new { status = "Deceased", effectiveOn = Iso(Today), reason = "病故", decidedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_shows_the_programmes_they_are_in()
    {
        using var client = api.CreateClient();

        Assert.Equal(["NewStar"], Cohorts(await client.GetFromJsonAsync<JsonElement>($"/members/{newcomer}")));
        Assert.Equal(["SilverStar"], Cohorts(await client.GetFromJsonAsync<JsonElement>($"/members/{elder}")));
        Assert.Equal(["SilverStar"], Cohorts(await client.GetFromJsonAsync<JsonElement>($"/members/{veteran}")));
        Assert.Empty(Cohorts(await client.GetFromJsonAsync<JsonElement>($"/members/{middle}")));
    }

    [Fact]
    public async Task The_roll_of_a_village_includes_its_branches_and_groups_when_asked()
    {
        using var client = api.CreateClient();

        var direct = await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={village}");
        var subtree = await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={village}&includeDescendants=true");

        Assert.Equal(0, direct.GetProperty("total").GetInt32());
        Assert.Equal(5, subtree.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_roll_filters_by_cohort_and_status_and_sorts()
    {
        using var client = api.CreateClient();
        var scope = $"organisationId={village}&includeDescendants=true";

        Assert.Equal([newcomer], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&cohort=NewStar")));
        Assert.Equal([elder, veteran], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&cohort=SilverStar&sort=birthDate")));
        Assert.Equal([newcomer], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&status=Probationary")));
        Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&status=Probationary,Full")).GetProperty("total").GetInt32());
        Assert.Equal([elder, veteran, middle, newcomer],
            Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&status=Full,Probationary&sort=joinedOn")));
    }

    [Fact]
    public async Task The_roll_is_searched_by_part_of_the_name_and_by_the_year_joined()
    {
        using var client = api.CreateClient();
        var scope = $"organisationId={village}&includeDescendants=true";

        Assert.Equal([elder], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&name={Uri.EscapeDataString("老")}")));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&name={Uri.EscapeDataString("新党员")}")).GetProperty("total").GetInt32());
        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&name=%25")));
        Assert.Equal([middle], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&joinedYear=2010")));
        Assert.Equal([newcomer], Ids(await client.GetFromJsonAsync<JsonElement>($"/members?{scope}&joinedYear={Today.Year - 1}&name={Uri.EscapeDataString("新")}&status=Probationary")));
    }

    [Fact]
    public async Task A_joined_year_before_the_party_or_in_the_future_is_a_problem()
    {
        using var client = api.CreateClient();

        foreach (var year in new[] { 1900, Today.Year + 1 })
        {
            var response = await client.GetAsync($"/members?joinedYear={year}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["joinedYear"], errors.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task An_unknown_cohort_status_or_sort_is_a_problem_naming_each_parameter()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/members?cohort=GoldStar&status=Retired&sort=age");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["cohort", "sort", "status"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_new_star_window_comes_from_configuration()
    {
        using var wider = api.WithWebHostBuilder(b => b.UseSetting("Membership:Cohorts:NewStarYears", "20"));
        using var client = wider.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={village}&includeDescendants=true&cohort=NewStar");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static List<string?> Cohorts(JsonElement member) =>
        member.GetProperty("cohorts").EnumerateArray().Select(c => c.GetString()).ToList();

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
}
