using System.Net.Http.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Standings;
using Lishui.Shared.Web;

namespace Lishui.Assessment.Tests.Api;

public sealed class StandingsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private async Task<Page<StandingResponse>> StandingsAsync(Guid scheme, int page = 1, int pageSize = 20)
    {
        using var client = api.CreateClient();
        return (await client.GetFromJsonAsync<Page<StandingResponse>>($"/schemes/{scheme}/standings?page={page}&pageSize={pageSize}", AssessmentApiFactory.Json))!;
    }

    private async Task EnterAllAsync(Guid scheme, Guid member, params (string Dimension, decimal Points)[] entries)
    {
        foreach (var (dimension, points) in entries)
        {
            (await api.EnterAsync(scheme, member, dimension, points)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_dimension_counts_at_most_its_maximum_and_never_below_zero()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var member = (await api.RegisterMembersAsync(organisation, "梁志明"))[0];

        await EnterAllAsync(scheme, member, ("volunteer-service", 15), ("volunteer-service", 10), ("daily-conduct", -5), ("village-work", 12));

        var standing = Assert.Single((await StandingsAsync(scheme)).Items);
        Assert.Equal(20m, standing.Scores["volunteer-service"]);
        Assert.Equal(0m, standing.Scores["daily-conduct"]);
        Assert.Equal(12m, standing.Scores["village-work"]);
        Assert.Equal(0m, standing.Scores["visiting-residents"]);
        Assert.Equal(32m, standing.Total);
        Assert.Equal(Grade.Unqualified, standing.Grade);
    }

    [Fact]
    public async Task Members_are_ranked_by_total_with_ties_sharing_a_rank_and_the_next_rank_skipped()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "甲", "乙", "丙", "丁");
        var full = new[] { ("daily-conduct", 20m), ("village-work", 20m), ("organisational-life", 20m), ("volunteer-service", 20m) };
        await EnterAllAsync(scheme, ids[0], [.. full, ("visiting-residents", 15m)]); // 95
        await EnterAllAsync(scheme, ids[1], [.. full]); // 80
        await EnterAllAsync(scheme, ids[2], [.. full]); // 80
        await EnterAllAsync(scheme, ids[3], ("daily-conduct", 20m), ("village-work", 20m), ("organisational-life", 20m), ("volunteer-service", 5m)); // 65

        var standings = await StandingsAsync(scheme);

        Assert.Equal(4, standings.Total);
        Assert.Equal([(95m, 1L, Grade.Excellent), (80m, 2L, Grade.Qualified), (80m, 2L, Grade.Qualified), (65m, 4L, Grade.BasicallyQualified)],
            standings.Items.Select(s => (s.Total, s.Rank, s.Grade)));
        Assert.Equal("甲", standings.Items[0].Name);
    }

    [Fact]
    public async Task Members_without_any_points_stand_at_zero_and_standings_page()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "一", "二", "三");
        await EnterAllAsync(scheme, ids[1], ("daily-conduct", 10m));

        var first = await StandingsAsync(scheme, page: 1, pageSize: 2);
        var second = await StandingsAsync(scheme, page: 2, pageSize: 2);

        Assert.Equal(3, first.Total);
        Assert.Equal(ids[1], first.Items[0].SubjectId);
        var last = Assert.Single(second.Items);
        Assert.Equal((0m, 2L), (last.Total, last.Rank));
    }
}
