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

    private static object Line(Guid subject, string dimension, decimal points, string reason = "党建星期二第一议题学习") =>
        new { subjectId = subject, dimension, points, reason, enteredBy = "鹤峰村第一党支部书记" };

    private async Task<HttpResponseMessage> EnterBatchAsync(Guid scheme, IEnumerable<object> entries, string? key = null)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/schemes/{scheme}/ledger-entries/batch") { Content = JsonContent.Create(new { entries }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_secretary_enters_a_branchs_points_in_one_batch_and_each_entry_raises_its_own_PointsAwarded()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var members = await api.RegisterMembersAsync(organisation, "陈伟", "罗家辉", "何淑芬");
        var lines = new[]
        {
            Line(members[0], "organisational-life", 4), Line(members[1], "organisational-life", 4),
            Line(members[2], "volunteer-service", 2.5m, "护苗长廊志愿服务"), Line(members[0], "daily-conduct", -2, "无故缺席组织生活"),
        };

        var response = await EnterBatchAsync(scheme, lines);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/schemes/{scheme}/ledger-entries", response.Headers.Location?.OriginalString);
        var entered = (await response.Content.ReadFromJsonAsync<AddLedgerEntriesResponse>(AssessmentApiFactory.Json))!.Entries;
        Assert.Equal([members[0], members[1], members[2], members[0]], entered.Select(e => e.SubjectId));
        Assert.Equal([4m, 4m, 2.5m, -2m], entered.Select(e => e.Points));
        Assert.All(entered, e => Assert.Equal((EntrySource.Manual, "鹤峰村第一党支部书记"), (e.Source, e.EnteredBy)));
        Assert.Equal(4, await EntriesAsync(scheme));
        var outbox = await api.OutboxAsync(scheme);
        Assert.All(outbox, o => Assert.Equal("urn:message:lishui:assessment:points-awarded:v1", o.MessageUrn));
        var payloads = outbox.Select(o => JsonDocument.Parse(o.Payload).RootElement).ToList();
        Assert.Equal(entered.Select(e => e.Id), payloads.Select(p => p.GetProperty("entryId").GetGuid()));
        Assert.Equal([1L, 2L, 3L, 4L], payloads.Select(p => p.GetProperty("sequence").GetInt64()));
        Assert.Equal(4, await api.WithDbAsync(db => db.Schemes.Where(s => s.Id == scheme).Select(s => s.Version).SingleAsync()));

        // The ledger goes on after the batch: the next single entry takes the next sequence.
        Assert.Equal(HttpStatusCode.Created, (await api.EnterAsync(scheme, members[1], "visiting-residents", 1)).StatusCode);
        Assert.Equal(5, JsonDocument.Parse((await api.OutboxAsync(scheme))[^1].Payload).RootElement.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task One_faulty_entry_refuses_the_whole_batch_and_the_problem_names_each_faulty_entry()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();
        var stranger = (await api.RegisterMembersAsync(Guid.NewGuid(), "外村党员"))[0];

        var response = await EnterBatchAsync(scheme,
        [
            Line(member, "organisational-life", 4), Line(member, "attendance", 4), Line(stranger, "organisational-life", 4),
            Line(member, "daily-conduct", 25), Line(member, "volunteer-service", 2, reason: " "), Line(member, "visiting-residents", 1),
        ]);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ledger.dimension-unknown", "entries[1].dimension");
        var faults = problem.GetProperty("fieldErrors").EnumerateArray().Select(f => (f.GetProperty("field").GetString(), f.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [("entries[1].dimension", "ledger.dimension-unknown"), ("entries[2].subjectId", "ledger.subject-unknown"),
             ("entries[3].points", "ledger.points-invalid"), ("entries[4].reason", "ledger.reason-invalid")],
            faults);
        Assert.Contains("不在本方案的考核范围内", problem.GetProperty("errors").GetProperty("entries[2].subjectId")[0].GetString());
        Assert.Equal(0, await EntriesAsync(scheme));
        Assert.Empty(await api.OutboxAsync(scheme));
        Assert.Equal(0, await api.WithDbAsync(db => db.Schemes.Where(s => s.Id == scheme).Select(s => s.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_batch_refused_only_for_subjects_off_the_roll_or_missing_is_a_bad_request_like_a_single_entry()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();

        var offRoll = await EnterBatchAsync(scheme, [Line(member, "organisational-life", 4), Line(Guid.NewGuid(), "organisational-life", 4)]);
        var missing = await EnterBatchAsync(scheme, [Line(member, "organisational-life", 4), new { dimension = "daily-conduct", points = 1, reason = "x", enteredBy = "x" }]);

        await ApiAssert.ProblemAsync(offRoll, HttpStatusCode.BadRequest, "ledger.subject-unknown", "entries[1].subjectId");
        await ApiAssert.ProblemAsync(missing, HttpStatusCode.BadRequest, "field.required", "entries[1].subjectId");
        Assert.Equal(0, await EntriesAsync(scheme));
    }

    [Fact]
    public async Task A_retried_batch_with_the_same_idempotency_key_answers_the_same_entries_and_enters_them_once()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var members = await api.RegisterMembersAsync(organisation, "陈伟", "罗家辉");
        var key = Guid.NewGuid().ToString();
        object[] lines = [Line(members[0], "organisational-life", 4), Line(members[1], "organisational-life", 3.5m)];

        var first = await EnterBatchAsync(scheme, lines, key);
        var again = await EnterBatchAsync(scheme, lines, key);
        var other = await EnterBatchAsync(scheme, [Line(members[0], "organisational-life", 2)], key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var ids = (await first.Content.ReadFromJsonAsync<AddLedgerEntriesResponse>(AssessmentApiFactory.Json))!.Entries.Select(e => e.Id).ToList();
        Assert.Equal(ids, (await again.Content.ReadFromJsonAsync<AddLedgerEntriesResponse>(AssessmentApiFactory.Json))!.Entries.Select(e => e.Id));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await ApiAssert.ProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key.reused");
        Assert.Equal(2, await EntriesAsync(scheme));
        Assert.Equal(2, (await api.OutboxAsync(scheme)).Count);
    }

    [Fact]
    public async Task A_batch_without_an_idempotency_key_is_refused_so_a_retry_cannot_enter_it_twice()
    {
        var (scheme, member) = await HefengWithOneMemberAsync();
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/ledger-entries/batch", new { entries = new[] { Line(member, "organisational-life", 4) } });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key.required", "Idempotency-Key");
        Assert.Equal(0, await EntriesAsync(scheme));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AddLedgerEntriesRequest.MaxEntries + 1)]
    public async Task A_batch_of_no_entries_or_more_than_500_is_refused_before_anything_is_entered(int count)
    {
        var (scheme, member) = await HefengWithOneMemberAsync();

        var response = await EnterBatchAsync(scheme, Enumerable.Range(0, count).Select(_ => Line(member, "volunteer-service", 0.5m)));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "ledger.entries-count", "entries");
        Assert.Equal(0, await EntriesAsync(scheme));
    }

    [Fact]
    public async Task A_batch_of_500_is_entered_in_one_go()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var members = await api.RegisterMembersAsync(organisation, [.. Enumerable.Range(1, 100).Select(i => $"党员{i}")]);
        var dimensions = SchemeTemplates.HefengMemberDimensions.Select(d => d.Code).ToList();

        var response = await EnterBatchAsync(scheme, members.SelectMany(m => dimensions.Select(d => Line(m, d, 1))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(AddLedgerEntriesRequest.MaxEntries, await EntriesAsync(scheme));
        Assert.Equal(AddLedgerEntriesRequest.MaxEntries, (await api.OutboxAsync(scheme)).Count);
    }
}
