using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Messaging;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Assessment.Tests.Messaging;

/// <summary>
/// Points from events end to end inside the service: MassTransit's in-memory harness delivers, the
/// inbox, ledger and outbox live in a real PostgreSQL database.
/// </summary>
public sealed class PointsFromEventsTests : IAsyncLifetime
{
    private const string StudyUrn = "lishui:pairing:attendance-recorded:v1";
    private readonly TestInfrastructure infrastructure = new();
    private readonly Guid organisation = Guid.NewGuid();
    private readonly Guid organBranch = Guid.NewGuid();
    private readonly Guid member = Guid.NewGuid();
    private ServiceProvider provider = null!;
    private Guid scheme;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.CreateDatabaseAsync("assessment");
        provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<AssessmentDbContext>(o => o.UseNpgsql(database))
            .AddMassTransitTestHarness(x =>
            {
                // Up to four events wait for each other for 2 s: a test's events are one batch, so the
                // cap must count what the batch itself gave and a copy inside the batch must score once.
                x.AddBatchConsumer<AttendanceRecordedConsumer>(new ConsumerBatchOptions { MessageLimit = 4, TimeLimit = TimeSpan.FromSeconds(2) });

                // As in the service: events for one scheme that race on its ledger sequence retry.
                x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Immediate(10)));
            })
            .BuildServiceProvider(true);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        await db.Database.MigrateAsync();
        var content = new SchemeContent(100, SchemeTemplates.HefengMemberDimensions, GradeThresholds.Default, null,
            [new PointsRule("tuesday-study", StudyUrn, "organisational-life", 2, 5, RulePeriod.Year)]);
        var created = Scheme.Create(Guid.NewGuid(), organisation, 2026, SubjectType.Member, content, DateTimeOffset.UtcNow);
        db.Schemes.Add(created);
        await db.SaveChangesAsync();
        scheme = created.Id;
        await provider.GetRequiredService<ITestHarness>().Start();
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    /// <summary>Attendance as Pairing publishes it: the event belongs to the organ branch, the member to the village.</summary>
    private AttendanceRecorded Attended(int day, string attendance = AttendanceRecordedConsumer.Present) =>
        new AttendanceRecorded
        {
            SessionId = Guid.NewGuid(),
            PairingId = Guid.NewGuid(),
            MemberId = member,
            MemberOrganisationId = organisation,
            HeldOn = new DateOnly(2026, 3, day),
            Attendance = attendance,
        }.About(Guid.NewGuid(), organBranch, 1, new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.Zero));

    private async Task<List<LedgerEntry>> EntriesAsync()
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        return await db.LedgerEntries.Where(e => e.SchemeId == scheme).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task DeliverAsync(params AttendanceRecorded[] events)
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        var before = await Succeeded(harness);
        foreach (var e in events)
        {
            await harness.Bus.PublishWithinDeadlineAsync(e);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await Succeeded(harness) < before + events.Length)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Each delivery ends in exactly one successful consume (a duplicate succeeds by doing nothing).</summary>
    private static Task<int> Succeeded(ITestHarness harness) =>
        HarnessRead.OffCallbackAsync(() => harness.Consumed.Select<AttendanceRecorded>().Count(c => c.Exception is null));

    [Fact]
    public async Task An_attendance_delivered_twice_scores_once()
    {
        var attended = Attended(3);

        await DeliverAsync(attended, attended);

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((EntrySource.Event, 2m, "tuesday-study", attended.EventId), (entry.Source, entry.Points, entry.RuleCode, entry.SourceEventId!.Value));
        await using var scope = provider.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().Set<OutboxMessage>().ToListAsync();
        Assert.Equal("urn:message:lishui:assessment:points-awarded:v1", Assert.Single(outbox).MessageUrn);
    }

    [Fact]
    public async Task An_excused_or_missed_session_scores_nothing()
    {
        await DeliverAsync(Attended(3, "Excused"), Attended(10, "Absent"));

        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task Attendance_scores_up_to_the_rules_cap_for_the_year_and_no_further()
    {
        await DeliverAsync(Attended(3), Attended(10), Attended(17), Attended(24));

        var entries = await EntriesAsync();
        Assert.Equal([2m, 2m, 1m], entries.Select(e => e.Points));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
    }
}
