using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Features;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

public sealed class CloseYearApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private static readonly (string, decimal)[] FullMarks =
        [("daily-conduct", 20m), ("village-work", 20m), ("organisational-life", 20m), ("volunteer-service", 20m), ("visiting-residents", 20m)];

    private async Task EnterAllAsync(Guid scheme, Guid member, IEnumerable<(string Dimension, decimal Points)> entries)
    {
        foreach (var (dimension, points) in entries)
        {
            (await api.EnterAsync(scheme, member, dimension, points)).EnsureSuccessStatusCode();
        }
    }

    private async Task<(HttpResponseMessage Response, NoticeSummaryResponse? Notice)> CloseAsync(Guid scheme, object? body = null)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", body ?? new { });
        return (response, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json) : null);
    }

    [Fact]
    public async Task Closing_a_year_grades_every_member_freezes_the_ledger_and_publishes_a_five_working_day_notice()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "何志华", "黎淑芬", "潘国强");
        await EnterAllAsync(scheme, ids[0], FullMarks); // 100
        await EnterAllAsync(scheme, ids[1], FullMarks.Take(3).Append(("volunteer-service", 12m))); // 72
        // 潘国强 has no points at all: 0, Unqualified.

        var (response, notice) = await CloseAsync(scheme);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/notices/{notice!.Id}", response.Headers.Location?.ToString());
        Assert.Equal(3, notice.SubjectCount);
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow);
        Assert.Equal(PublicationWindow.After(today, 5, WorkingDayCalendar.Official()), (notice.WindowOpensOn, notice.WindowClosesOn));
        var results = await api.WithDbAsync(db => db.Results.Where(r => r.SchemeId == scheme).OrderBy(r => r.Rank).ToListAsync());
        Assert.Equal([("何志华", 100m, Grade.Excellent, 1), ("黎淑芬", 72m, Grade.Qualified, 2), ("潘国强", 0m, Grade.Unqualified, 3)],
            results.Select(r => (r.Name, r.Total, r.Grade, r.Rank)));

        var late = await api.EnterAsync(scheme, ids[2], "daily-conduct", 10);
        await ApiAssert.ProblemAsync(late, HttpStatusCode.UnprocessableEntity, "scheme.closed");
        Assert.Equal(0, await api.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SubjectId == ids[2])));

        var published = (await api.OutboxAsync(scheme)).Last();
        Assert.Equal("urn:message:lishui:assessment:assessment-notice-published:v1", published.MessageUrn);
        var payload = JsonDocument.Parse(published.Payload).RootElement;
        Assert.Equal(notice.Id, payload.GetProperty("noticeId").GetGuid());
        Assert.Equal(3, payload.GetProperty("subjectCount").GetInt32());
        Assert.Equal(organisation, payload.GetProperty("organisationId").GetGuid());
    }

    /// <summary>
    /// The close computes every result into a temporary table and then stores it: what is stored is the
    /// standings as they stood (scores, ranks, grades), and a correction that computes them again
    /// in the same transaction, twice even, finds no table left over from the first time.
    /// </summary>
    [Fact]
    public async Task The_stored_results_are_the_standings_as_they_stood_and_can_be_computed_again_in_one_transaction()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "梁永康", "冯丽华", "区志明");
        await EnterAllAsync(scheme, ids[0], FullMarks); // 100
        await EnterAllAsync(scheme, ids[1], FullMarks.Take(2).Append(("village-work", -5m))); // 35, a deduction included
        var standings = await api.WithDbAsync(async db => await StandingsQuery.For(db, await db.Schemes.SingleAsync(s => s.Id == scheme)).ToListAsync());

        await CloseAsync(scheme);

        var stored = await api.WithDbAsync(db => db.Results.Where(r => r.SchemeId == scheme).ToListAsync());
        Assert.Equal(
            standings.Select(s => (s.SubjectId, s.Name, s.Total, s.Grade, (int)s.Rank, Scores: JsonSerializer.Serialize(s.ScoreMap()))).OrderBy(r => r.SubjectId),
            stored.Select(r => (r.SubjectId, r.Name, r.Total, r.Grade, r.Rank, Scores: JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, decimal>>(r.Scores)))).OrderBy(r => r.SubjectId));
        Assert.Equal([100m, 35m, 0m], stored.OrderBy(r => r.Rank).Select(r => r.Total));

        var recomputed = await api.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var closed = await db.Schemes.SingleAsync(s => s.Id == scheme);
            var counts = (await StandingsQuery.RewriteResultsAsync(db, closed, CancellationToken.None), await StandingsQuery.RewriteResultsAsync(db, closed, CancellationToken.None));
            await tx.RollbackAsync();
            return counts;
        });
        Assert.Equal((3, 3), recomputed);
    }

    [Fact]
    public async Task A_closed_year_cannot_be_closed_again()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        await api.RegisterMembersAsync(organisation, "独一");
        await CloseAsync(scheme);

        var (again, _) = await CloseAsync(scheme);

        await ApiAssert.ProblemAsync(again, HttpStatusCode.UnprocessableEntity, "scheme.closed");
        Assert.Equal(1, await api.WithDbAsync(db => db.Notices.CountAsync(n => n.SchemeId == scheme)));
        Assert.Equal(1, await api.WithDbAsync(db => db.Results.CountAsync(r => r.SchemeId == scheme)));
    }

    [Fact]
    public async Task Under_an_excellent_cap_a_tie_that_would_pass_the_cap_is_qualified_as_a_whole()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation, excellentShareCap: 0.25m));
        var ids = await api.RegisterMembersAsync(organisation, "一号", "二号", "三号", "四号", "五号", "六号", "七号", "八号");
        await EnterAllAsync(scheme, ids[0], FullMarks); // 100: Excellent, within 2 slots (25 % of 8)
        await EnterAllAsync(scheme, ids[1], FullMarks.SkipLast(1).Append(("visiting-residents", 15m))); // 95
        await EnterAllAsync(scheme, ids[2], FullMarks.SkipLast(1).Append(("visiting-residents", 15m))); // 95: the tie would make 3

        await CloseAsync(scheme);

        var grades = await api.WithDbAsync(db => db.Results.Where(r => r.SchemeId == scheme).ToDictionaryAsync(r => r.SubjectId, r => r.Grade));
        Assert.Equal(Grade.Excellent, grades[ids[0]]);
        Assert.Equal(Grade.Qualified, grades[ids[1]]);
        Assert.Equal(Grade.Qualified, grades[ids[2]]);
    }

    [Fact]
    public async Task The_window_length_is_configurable_within_reason()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));

        var (tooLong, _) = await CloseAsync(scheme, new { publicationWorkingDays = 90 });
        var (response, notice) = await CloseAsync(scheme, new { publicationWorkingDays = 7 });

        await ApiAssert.ProblemAsync(tooLong, HttpStatusCode.BadRequest, "notice.window-invalid", "publicationWorkingDays");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (_, closes) = PublicationWindow.After(TownCalendar.DateOf(DateTimeOffset.UtcNow), 7, WorkingDayCalendar.Official());
        Assert.Equal(closes, notice!.WindowClosesOn);
    }

    [Fact]
    public async Task The_public_notice_shows_names_grades_and_scores_and_nothing_else()
    {
        var organisation = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "冯少华", "卢秀英");
        await EnterAllAsync(scheme, ids[0], FullMarks.Take(4)); // 80
        await EnterAllAsync(scheme, ids[1], [("daily-conduct", 20m), ("village-work", 20m), ("organisational-life", 18m)]); // 58
        var (_, notice) = await CloseAsync(scheme);

        using var anonymous = api.CreateClient();
        var response = await anonymous.GetAsync($"/notices/{notice!.Id}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("鹤峰村党委", body.GetProperty("organisationName").GetString());
        Assert.Equal(5, body.GetProperty("dimensions").GetArrayLength());
        var items = body.GetProperty("results").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["冯少华", "卢秀英"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["Qualified", "Unqualified"], items.Select(i => i.GetProperty("grade").GetString()));
        Assert.Equal(["合格", "不合格"], items.Select(i => i.GetProperty("gradeLabel").GetString()));
        Assert.Equal(18m, items[1].GetProperty("scores").GetProperty("organisational-life").GetDecimal());
        foreach (var item in items)
        {
            Assert.Equal(["name", "grade", "gradeLabel", "total", "scores"], item.EnumerateObject().Select(p => p.Name));
        }

        var text = body.GetRawText();
        Assert.DoesNotContain(ids[0].ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ids[1].ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{Guid.NewGuid()}")).StatusCode);
    }
}
