using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Features.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Pairing on a clock the test moves (Monday 7 December 2026, 10:00 in Lishui).</summary>
public class ClockedPairingApiFactory : PairingApiFactory
{
    public FakeTimeProvider Clock { get; } = new(Town(new DateOnly(2026, 12, 7), new TimeOnly(10, 0)).ToUniversalTime());

    public static DateTimeOffset Town(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), TimeSpan.FromHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>The reminder worker as a background service, ticking once a (fake) minute.</summary>
public sealed class ReminderWorkerFactory : ClockedPairingApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pairing:Reminders:Enabled", "true");
        builder.UseSetting("Pairing:Reminders:Interval", "00:01:00");
    }
}

/// <summary>A group meeting Tuesdays 09:00 and a leader stationed in its village Tuesdays 14:30.</summary>
internal static class ReminderScenario
{
    public static async Task<(PairingScenario Pairing, Guid Schedule)> CreateAsync(PairingApiFactory api)
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 3);
        await scenario.GenerateListAsync(api);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule",
            new { time = "09:00", place = "鹤峰村委会党群沟通室", startsOn = "2026-12-01" })).EnsureSuccessStatusCode();
        var schedule = await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = scenario.OrganMembers[0],
            villageCommitteeId = scenario.Hefeng,
            startsOn = "2026-12-01",
            startTime = "14:30",
            place = "鹤峰村党群服务中心",
            createdBy = "镇党委办公室",
        });
        schedule.EnsureSuccessStatusCode();
        return (scenario, (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}

public sealed class ReminderCheckTests(ClockedPairingApiFactory api) : IClassFixture<ClockedPairingApiFactory>
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    private async Task<ReminderRun> RunAtAsync(DateOnly date, int hour, int minute)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderCheck>()
            .RunAsync(ClockedPairingApiFactory.Town(date, new TimeOnly(hour, minute)), CancellationToken.None);
    }

    [Fact]
    public async Task Each_session_and_visit_is_reminded_the_evening_before_and_an_hour_before_once_each_however_often_the_check_runs()
    {
        var (scenario, schedule) = await ReminderScenario.CreateAsync(api);

        var runs = new List<(string When, ReminderRun Run)>
        {
            ("Mon 19:59", await RunAtAsync(Monday, 19, 59)),
            ("Mon 20:00", await RunAtAsync(Monday, 20, 0)),
        };
        var concurrent = await Task.WhenAll(RunAtAsync(Monday, 20, 1), RunAtAsync(Monday, 20, 1), RunAtAsync(Monday, 20, 2));
        runs.AddRange(concurrent.Select(r => ("Mon 20:01 (replicas)", r)));
        runs.Add(("Mon 23:00", await RunAtAsync(Monday, 23, 0)));
        runs.Add(("Tue 07:59", await RunAtAsync(Tuesday, 7, 59)));
        runs.Add(("Tue 08:00", await RunAtAsync(Tuesday, 8, 0)));
        runs.Add(("Tue 08:30", await RunAtAsync(Tuesday, 8, 30)));
        runs.Add(("Tue 13:30", await RunAtAsync(Tuesday, 13, 30)));
        runs.Add(("Tue 14:00", await RunAtAsync(Tuesday, 14, 0)));
        runs.Add(("Tue 15:00", await RunAtAsync(Tuesday, 15, 0)));

        var regular = ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(9, 0));
        var study = (await api.OutboxAsync<StudySessionReminderDue>()).Where(e => e.PairingId == scenario.PairingId && e.StartsAt == regular).ToList();
        Assert.Equal(["EveningBefore", "HourBefore"], study.Select(e => e.Lead));
        Assert.Single(study.Select(e => e.SessionId).Distinct());
        Assert.All(study, e =>
        {
            Assert.Equal("鹤峰村委会党群沟通室", e.Place);
            Assert.Equal(scenario.Office, e.OrganBranchId);
            Assert.Equal(scenario.Hefeng, e.VillageCommitteeId);
            Assert.Equal(scenario.Office, e.OrganisationId);
            Assert.Equal(scenario.OrganMembers.Concat(scenario.VillageMembers).Order(), e.ExpectedMemberIds.Order());
        });
        Assert.Equal([1L, 2L], study.Select(e => e.Sequence));

        // Sent by the first run at or after the moment each falls due: 20:00 the evening before, 08:00 for a 09:00 start.
        Assert.Equal([ClockedPairingApiFactory.Town(Monday, new TimeOnly(20, 0)), ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(8, 0))],
            study.Select(e => e.OccurredAt));

        var stationing = (await api.OutboxAsync<StationingVisitReminderDue>()).Where(e => e.LeaderMemberId == scenario.OrganMembers[0]).ToList();
        Assert.Equal(2, stationing.Count);
        Assert.Single(stationing.Select(e => e.StationingVisitId).Distinct());
        Assert.All(stationing, e => Assert.Equal(ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(14, 30)), e.StartsAt));
        Assert.All(stationing, e => Assert.Equal(scenario.Hefeng, e.OrganisationId));
        Assert.Equal([ClockedPairingApiFactory.Town(Monday, new TimeOnly(20, 0)), ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(13, 30))],
            stationing.Select(e => e.OccurredAt));
        Assert.NotEqual(Guid.Empty, schedule);
        Assert.Equal(12, runs.Count);

        // Held and recorded that morning: the same session, its events continuing the reminders' sequence.
        api.Clock.SetUtcNow(ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(12, 0)).ToUniversalTime());
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", new
        {
            heldOn = "2026-12-08",
            topic = "第一议题",
            attendance = new[] { new { memberId = scenario.VillageMembers[0], status = "Present" } },
        })).EnsureSuccessStatusCode();
        var held = Assert.Single(await api.OutboxAsync<StudySessionHeld>(), e => e.PairingId == scenario.PairingId);
        Assert.Equal(study[0].SessionId, held.SessionId);
        Assert.Equal(3, held.Sequence);
        Assert.Equal(4, Assert.Single(await api.OutboxAsync<AttendanceRecorded>(), e => e.SessionId == held.SessionId).Sequence);
    }

    [Fact]
    public async Task A_skipped_week_is_not_reminded_and_a_moved_one_is_reminded_at_its_new_time()
    {
        var (scenario, _) = await ReminderScenario.CreateAsync(api);
        using var client = api.CreateClient();
        var (skipWeek, moveWeek) = (new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22));
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/2026-12-15/skip",
            new { reason = "全镇集中培训", changedBy = "党建办" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/2026-12-22/move",
            new { date = "2026-12-23", time = "10:00", reason = "冬至", changedBy = "党建办" })).EnsureSuccessStatusCode();

        await RunAtAsync(skipWeek.AddDays(-1), 20, 0);
        await RunAtAsync(skipWeek, 8, 0);
        await RunAtAsync(moveWeek.AddDays(-1), 20, 0); // the evening before the regular Tuesday: nothing yet
        await RunAtAsync(moveWeek, 20, 0);
        await RunAtAsync(moveWeek.AddDays(1), 9, 0);

        var study = (await api.OutboxAsync<StudySessionReminderDue>()).Where(e => e.PairingId == scenario.PairingId && e.StartsAt > ClockedPairingApiFactory.Town(Tuesday, new TimeOnly(23, 0))).ToList();
        Assert.Equal(["EveningBefore", "HourBefore"], study.Select(e => e.Lead));
        Assert.All(study, e => Assert.Equal(ClockedPairingApiFactory.Town(new DateOnly(2026, 12, 23), new TimeOnly(10, 0)), e.StartsAt));
    }
}

public sealed class ReminderWorkerTests(ReminderWorkerFactory api) : IClassFixture<ReminderWorkerFactory>
{
    [Fact]
    public async Task The_worker_on_its_clock_publishes_the_evening_reminder_once_at_eight()
    {
        var (scenario, _) = await ReminderScenario.CreateAsync(api);
        api.Clock.SetUtcNow(ClockedPairingApiFactory.Town(new DateOnly(2026, 12, 7), new TimeOnly(19, 55)).ToUniversalTime());
        async Task<List<StudySessionReminderDue>> RemindersAsync() =>
            (await api.OutboxAsync<StudySessionReminderDue>()).Where(e => e.PairingId == scenario.PairingId).ToList();

        for (var minute = 0; minute < 4; minute++)
        {
            api.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }

        Assert.Empty(await RemindersAsync()); // 19:59: not yet

        for (var minute = 0; minute < 10; minute++)
        {
            api.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }

        await Lishui.Testing.Eventually.MatchAsync(RemindersAsync, r => r.Count > 0, because: "the worker should send the evening reminder at 20:00");
        await Task.Delay(1000); // the later ticks have run too
        var evening = Assert.Single(await RemindersAsync());
        Assert.Equal("EveningBefore", evening.Lead);
        Assert.InRange(evening.OccurredAt, ClockedPairingApiFactory.Town(new DateOnly(2026, 12, 7), new TimeOnly(20, 0)), api.Clock.GetUtcNow());
    }
}
