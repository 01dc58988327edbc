using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

public sealed class LedgerApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private async Task<(Guid Scheme, Guid Member)> HefengWithOneMemberAsync()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var members = await api.RegisterMembersAsync(organisation, "陈伟");
        return (scheme, members[0]);
    }

    private Task<int> EntriesAsync(Guid scheme) => api.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SchemeId == scheme));

    [Fact]
    public async Task A_secretary_enters_volunteer_points_and_PointsAwarded_is_queued_with_the_entry()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/ledger-entries", new
        {
            subjectId = member, dimension = "volunteer-service", points = 5, reason = "参加护苗长廊志愿服务 4 小时", enteredBy = "鹤峰村党委书记", evidence = "签到表",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = (await response.Content.ReadFromJsonAsync<LedgerEntryResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal((EntrySource.Manual, 5m, "签到表"), (entry.Source, entry.Points, entry.Evidence));
        var outbox = Assert.Single(await api.OutboxAsync(scheme));
        Assert.Equal("urn:message:lishui:assessment:points-awarded:v1", outbox.MessageUrn);
        var payload = JsonDocument.Parse(outbox.Payload).RootElement;
        Assert.Equal(entry.Id, payload.GetProperty("entryId").GetGuid());
        Assert.Equal(member, payload.GetProperty("subjectId").GetGuid());
        Assert.Equal(5m, payload.GetProperty("points").GetDecimal());
        Assert.Equal(1, payload.GetProperty("sequence").GetInt64());
        Assert.False(payload.TryGetProperty("reason", out _), "reasons may name people; they stay in the service");
    }

    [Fact]
    public async Task Points_on_a_dimension_not_in_the_scheme_are_refused_naming_the_field_and_nothing_is_written()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();

        var response = await api.EnterAsync(scheme, member, "attendance", 5);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ledger.dimension-unknown", "dimension");
        Assert.Equal(0, await EntriesAsync(scheme));
        Assert.Empty(await api.OutboxAsync(scheme));
    }

    [Fact]
    public async Task Points_for_someone_not_on_the_organisations_roll_are_refused()
    {
        var (scheme, _) = await HefengWithOneMemberAsync();
        var elsewhere = await api.RegisterMembersAsync(Guid.NewGuid(), "外村党员");

        var stranger = await api.EnterAsync(scheme, Guid.NewGuid(), "daily-conduct", 5);
        var otherVillage = await api.EnterAsync(scheme, elsewhere[0], "daily-conduct", 5);

        await ApiAssert.ProblemAsync(stranger, HttpStatusCode.BadRequest, "ledger.subject-unknown", "subjectId");
        await ApiAssert.ProblemAsync(otherVillage, HttpStatusCode.BadRequest, "ledger.subject-unknown", "subjectId");
        Assert.Equal(0, await EntriesAsync(scheme));
    }

    [Fact]
    public async Task An_entry_without_a_reason_or_with_more_points_than_its_dimension_is_refused()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();

        var noReason = await api.EnterAsync(scheme, member, "daily-conduct", 5, reason: " ");
        var tooMany = await api.EnterAsync(scheme, member, "daily-conduct", 25);
        var zero = await api.EnterAsync(scheme, member, "daily-conduct", 0);

        await ApiAssert.ProblemAsync(noReason, HttpStatusCode.UnprocessableEntity, "ledger.reason-invalid", "reason");
        await ApiAssert.ProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity, "ledger.points-invalid", "points");
        await ApiAssert.ProblemAsync(zero, HttpStatusCode.UnprocessableEntity, "ledger.points-invalid", "points");
        Assert.Equal(0, await EntriesAsync(scheme));
    }

    [Fact]
    public async Task A_correction_is_a_reversing_entry_the_original_stays_and_it_can_be_reversed_only_once()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();
        var original = (await (await api.EnterAsync(scheme, member, "daily-conduct", -3, "迟到")).Content.ReadFromJsonAsync<LedgerEntryResponse>(AssessmentApiFactory.Json))!;
        using var client = api.CreateClient();

        var reversal = await client.PostAsJsonAsync($"/schemes/{scheme}/ledger-entries/{original.Id}/reversal", new { reason = "误记，实为请假", enteredBy = "鹤峰村党委书记" });
        var again = await client.PostAsJsonAsync($"/schemes/{scheme}/ledger-entries/{original.Id}/reversal", new { reason = "重复冲正", enteredBy = "鹤峰村党委书记" });

        Assert.Equal(HttpStatusCode.Created, reversal.StatusCode);
        var reversing = (await reversal.Content.ReadFromJsonAsync<LedgerEntryResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal((3m, original.Id, EntrySource.Reversal), (reversing.Points, reversing.ReversesEntryId!.Value, reversing.Source));
        await ApiAssert.ProblemAsync(again, HttpStatusCode.UnprocessableEntity, "ledger.already-reversed");
        var entries = await api.WithDbAsync(db => db.LedgerEntries.Where(e => e.SchemeId == scheme).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal(-3m, entries.Single(e => e.Id == original.Id).Points);
        Assert.Equal(0m, entries.Sum(e => e.Points));
        var outbox = await api.OutboxAsync(scheme);
        Assert.Equal(["urn:message:lishui:assessment:points-awarded:v1", "urn:message:lishui:assessment:points-reversed:v1"], outbox.Select(o => o.MessageUrn));
    }

    [Fact]
    public async Task A_retried_entry_with_the_same_idempotency_key_is_entered_once()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString();
        var body = new { subjectId = member, dimension = "visiting-residents", points = 2, reason = "入户走访 3 户", enteredBy = "鹤峰村党委书记" };

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/schemes/{scheme}/ledger-entries") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(1, await EntriesAsync(scheme));
        Assert.Single(await api.OutboxAsync(scheme));
    }
}
