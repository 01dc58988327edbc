using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Messaging;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Assessment.Tests.Messaging;

/// <summary>
/// A Tuesday study missed without leave deducts through a rule for the Absent outcome, an excused one
/// does not, and a member who attends every study and does everything else reaches full marks. Events
/// through MassTransit's harness, ledger and results in a real PostgreSQL database.
/// </summary>
public sealed class AbsenceAndFullMarksTests : IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();
    private readonly Guid organisation = Guid.NewGuid();
    private readonly Guid diligent = Guid.CreateVersion7();
    private readonly Guid absent = Guid.CreateVersion7();
    private ServiceProvider provider = null!;
    private Scheme scheme = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.CreateDatabaseAsync("assessment");
        provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<AssessmentDbContext>(o => o.UseNpgsql(database))
            .AddMassTransitTestHarness(x =>
            {
                x.AddBatchConsumer<AttendanceRecordedConsumer>(new ConsumerBatchOptions { MessageLimit = 4, TimeLimit = TimeSpan.FromSeconds(1) });
                x.AddBatchConsumer<PartyMassDiscussionAttendanceConsumer>(new ConsumerBatchOptions { MessageLimit = 4, TimeLimit = TimeSpan.FromSeconds(1) });
                x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Immediate(10)));
            })
            .BuildServiceProvider(true);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        await db.Database.MigrateAsync();
        var content = new SchemeContent(100, SchemeTemplates.HefengMemberDimensions, GradeThresholds.Default, null,
        [
            new PointsRule("tuesday-study", PointsRule.AttendanceRecorded, "organisational-life", 2, 20, RulePeriod.Year),
            new PointsRule("tuesday-missed", PointsRule.AttendanceRecorded, "organisational-life", -2, 10, RulePeriod.Year, "Absent"),
            new PointsRule("group-discussion", PointsRule.PartyMassDiscussionAttendanceRecorded, "organisational-life", 1, 12, RulePeriod.Year),
            new PointsRule("group-discussion-missed", PointsRule.PartyMassDiscussionAttendanceRecorded, "organisational-life", -1, 12, RulePeriod.Year, "Absent"),
        ]);
        scheme = Scheme.Create(Guid.NewGuid(), organisation, 2026, SubjectType.Member, content, DateTimeOffset.UtcNow);
        db.Schemes.Add(scheme);
        foreach (var (member, name) in new[] { (diligent, "区志坚"), (absent, "麦丽华") })
        {
            await db.ApplyAsync(new MemberRegistered { MemberId = member, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2010, 7, 1) }
                .About(member, organisation, 1, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await db.SaveChangesAsync();
        await provider.GetRequiredService<ITestHarness>().Start();
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    private AttendanceRecorded Study(Guid member, int week, string attendance) =>
        new AttendanceRecorded
        {
            SessionId = Guid.NewGuid(),
            PairingId = Guid.NewGuid(),
            MemberId = member,
            MemberOrganisationId = organisation,
            HeldOn = new DateOnly(2026, 1, 6).AddDays(7 * week),
            Attendance = attendance,
        }.About(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UtcNow);

    private PartyMassDiscussionAttendanceRecorded Discussion(Guid member, int month, string attendance) =>
        new PartyMassDiscussionAttendanceRecorded
        {
            DiscussionId = Guid.NewGuid(),
            GroupId = organisation,
            MemberId = member,
            MemberOrganisationId = organisation,
            HeldOn = new DateOnly(2026, month, 15),
            Attendance = attendance,
        }.About(Guid.NewGuid(), organisation, 1, DateTimeOffset.UtcNow);

    private async Task DeliverAsync<T>(IReadOnlyList<T> events)
        where T : class
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        foreach (var e in events)
        {
            await harness.Bus.PublishWithinDeadlineAsync(e);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await HarnessRead.OffCallbackAsync(() => harness.Consumed.Select<T>().Count(c => c.Exception is null)) < events.Count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<T> WithDbAsync<T>(Func<AssessmentDbContext, Task<T>> work)
    {
        await using var scope = provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssessmentDbContext>());
    }

    [Fact]
    public async Task A_study_missed_without_leave_deducts_an_excused_one_does_not_and_full_marks_are_reached()
    {
        // Twelve Tuesdays: 区志坚 attends all (the +2 rule stops at its cap of 20); 麦丽华 attends ten, is excused once and misses one without leave.
        var events = new List<AttendanceRecorded>();
        for (var week = 0; week < 12; week++)
        {
            events.Add(Study(diligent, week, "Present"));
            events.Add(Study(absent, week, week switch { 10 => "Excused", 11 => "Absent", _ => "Present" }));
        }

        await DeliverAsync(events);

        var entries = await WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SchemeId == scheme.Id).ToListAsync());
        Assert.Equal(20m, entries.Where(e => e.SubjectId == diligent).Sum(e => e.Points));
        Assert.Equal(10, entries.Count(e => e.SubjectId == diligent));
        var missed = Assert.Single(entries, e => e.SubjectId == absent && e.RuleCode == "tuesday-missed");
        Assert.Equal((-2m, "organisational-life"), (missed.Points, missed.Dimension));
        Assert.Equal(18m, entries.Where(e => e.SubjectId == absent).Sum(e => e.Points));

        // Both do everything else fully; the year closes.
        var results = await WithDbAsync(async db =>
        {
            var tracked = await db.Schemes.FirstAsync(s => s.Id == scheme.Id);
            foreach (var member in new[] { diligent, absent })
            {
                foreach (var dimension in new[] { "daily-conduct", "village-work", "volunteer-service", "visiting-residents" })
                {
                    db.LedgerEntries.Add(tracked.EnterPoints(Guid.CreateVersion7(), member, dimension, 20, "全年表现", "鹤峰村党委书记", null, DateTimeOffset.UtcNow));
                }
            }

            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await CloseYear.CloseAsync(db, tracked, 5, WorkingDayCalendar.Official(), DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return await db.Results.AsNoTracking().Where(r => r.SchemeId == scheme.Id).OrderBy(r => r.Rank).ToListAsync();
        });
        Assert.Equal([("区志坚", 100m, Grade.Excellent), ("麦丽华", 98m, Grade.Excellent)], results.Select(r => (r.Name, r.Total, r.Grade)));
    }

    [Fact]
    public async Task A_monthly_group_discussion_scores_for_organisational_life_and_a_missed_one_deducts()
    {
        await DeliverAsync([Discussion(absent, 9, "Present"), Discussion(absent, 10, "Excused"), Discussion(absent, 11, "Absent")]);

        var entries = await WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == absent).OrderBy(e => e.Points).ToListAsync());
        Assert.Equal([("group-discussion-missed", -1m), ("group-discussion", 1m)], entries.Select(e => (e.RuleCode, e.Points)));
        Assert.All(entries, e => Assert.Equal("organisational-life", e.Dimension));
    }
}
