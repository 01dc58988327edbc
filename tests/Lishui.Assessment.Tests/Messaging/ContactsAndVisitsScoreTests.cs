using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Messaging;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Assessment.Tests.Messaging;

/// <summary>
/// Contacts (Pairing) and household visits (PracticalProjects) score through the rules like
/// attendance; a village committee's scheme covers the members of the branches and groups below it.
/// In-memory harness for delivery, real PostgreSQL for inbox, ledger and outbox.
/// </summary>
public sealed class ContactsAndVisitsScoreTests : IAsyncLifetime
{
    private const string ContactUrn = "lishui:pairing:contact-logged:v1";
    private const string VisitUrn = "lishui:projects:household-visited:v1";
    private const string StudyUrn = "lishui:pairing:attendance-recorded:v1";
    private readonly TestInfrastructure infrastructure = new();
    private readonly Guid town = Guid.NewGuid();
    private readonly Guid village = Guid.NewGuid();
    private readonly Guid villageBranch = Guid.NewGuid();
    private readonly Guid gaobian = Guid.NewGuid();
    private readonly Guid organBranch = Guid.NewGuid();
    private readonly Guid villageMember = Guid.NewGuid();
    private readonly Guid organMember = Guid.NewGuid();
    private ServiceProvider provider = null!;
    private Guid villageScheme;
    private Guid organScheme;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.CreateDatabaseAsync("assessment");
        provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<AssessmentDbContext>(o => o.UseNpgsql(database))
            .AddMassTransitTestHarness(x =>
            {
                x.AddBatchConsumer<ContactLoggedConsumer>(new ConsumerBatchOptions());
                x.AddBatchConsumer<HouseholdVisitedConsumer>(new ConsumerBatchOptions());
                x.AddBatchConsumer<AttendanceRecordedConsumer>(new ConsumerBatchOptions());
                x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Immediate(10)));
            })
            .BuildServiceProvider(true);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        await db.Database.MigrateAsync();

        // 里水镇党委 → 鹤峰村党委 → 鹤峰村党支部 → 高边党群小组; the organ branch hangs under the town.
        foreach (var (id, parent, name, kind) in new (Guid, Guid?, string, string)[]
        {
            (town, null, "里水镇党委", "PartyCommittee"), (village, town, "鹤峰村党委", "PartyCommittee"), (villageBranch, village, "鹤峰村党支部", "Branch"),
            (gaobian, villageBranch, "高边党群小组", "PartyMassGroup"), (organBranch, town, "党建工作办党支部", "Branch"),
        })
        {
            await db.ApplyAsync(new OrganisationCreated { ParentId = parent, Name = name, Kind = Enum.Parse<OrganisationKind>(kind), EconomicCooperative = null }.About(id, id, 1, DateTimeOffset.UtcNow), default);
            await db.SaveChangesAsync();
        }

        foreach (var (member, organisation, name) in new[] { (villageMember, gaobian, "黄永康"), (organMember, organBranch, "梁志明") })
        {
            await db.ApplyAsync(new MemberRegistered { MemberId = member, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2001, 7, 1) }
                .About(member, organisation, 1, DateTimeOffset.UtcNow), default);
        }

        var rules = new PointsRule[]
        {
            new("contact", ContactUrn, "visiting-residents", 1, 2, RulePeriod.Month),
            new("visit", VisitUrn, "visiting-residents", 0.5m, null, RulePeriod.Year),
            new("study", StudyUrn, "organisational-life", 2, null, RulePeriod.Year),
        };
        var content = new SchemeContent(100, SchemeTemplates.HefengMemberDimensions, GradeThresholds.Default, null, rules);
        var forVillage = Scheme.Create(Guid.NewGuid(), village, 2026, SubjectType.Member, content, DateTimeOffset.UtcNow);
        var forOrgan = Scheme.Create(Guid.NewGuid(), organBranch, 2026, SubjectType.Member, content, DateTimeOffset.UtcNow);
        db.Schemes.AddRange(forVillage, forOrgan);
        await db.SaveChangesAsync();
        (villageScheme, organScheme) = (forVillage.Id, forOrgan.Id);
        await provider.GetRequiredService<ITestHarness>().Start();
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    private ContactLogged Contact(int month, int day) => new ContactLogged
    {
        MemberPairId = Guid.NewGuid(), PairingId = Guid.NewGuid(), OrganMemberId = organMember, VillageMemberId = villageMember,
        ContactedOn = new DateOnly(2026, month, day), Channel = "Visit",
    }.About(Guid.NewGuid(), organBranch, 1, DateTimeOffset.UtcNow);

    private HouseholdVisited Visit(int revision) => new HouseholdVisited
    {
        CollectionId = Guid.NewGuid(), HouseholdId = Guid.NewGuid(), VisitedBy = villageMember, VisitedOn = new DateOnly(2026, 5, 6), Revision = revision,
    }.About(Guid.NewGuid(), village, 1, DateTimeOffset.UtcNow);

    private async Task<List<LedgerEntry>> EntriesAsync(Guid scheme)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        return await db.LedgerEntries.Where(e => e.SchemeId == scheme).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task DeliverAsync<T>(params T[] events)
        where T : class
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        Task<int> Done() => HarnessRead.OffCallbackAsync(() => harness.Consumed.Select<T>().Count(c => c.Exception is null));
        var before = await Done();
        foreach (var e in events)
        {
            await harness.Bus.PublishWithinDeadlineAsync(e);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await Done() < before + events.Length)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task A_contact_scores_both_paired_members_in_their_own_schemes_once_however_often_it_arrives()
    {
        var contact = Contact(3, 3);

        await DeliverAsync(contact, contact);

        var village = Assert.Single(await EntriesAsync(villageScheme));
        var organ = Assert.Single(await EntriesAsync(organScheme));
        Assert.Equal((villageMember, 1m, "contact", contact.EventId), (village.SubjectId, village.Points, village.RuleCode, village.SourceEventId!.Value));
        Assert.Equal((organMember, 1m, contact.EventId), (organ.SubjectId, organ.Points, organ.SourceEventId!.Value));
        await using var scope = provider.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Contacts_score_up_to_the_monthly_cap_and_the_next_month_starts_afresh()
    {
        await DeliverAsync(Contact(3, 3), Contact(3, 10), Contact(3, 17), Contact(4, 7));

        var entries = await EntriesAsync(villageScheme);
        Assert.Equal([(3, 1m), (3, 1m), (4, 1m)], entries.Select(e => (e.OccurredOn.Month, e.Points)).Order()); // delivered concurrently: any order
    }

    [Fact]
    public async Task A_first_household_visit_scores_the_visitor_and_an_amended_position_does_not_score_again()
    {
        await DeliverAsync(Visit(1), Visit(2));

        var entry = Assert.Single(await EntriesAsync(villageScheme));
        Assert.Equal((villageMember, 0.5m, "visit"), (entry.SubjectId, entry.Points, entry.RuleCode));
        Assert.Empty(await EntriesAsync(organScheme));
    }

    [Fact]
    public async Task A_village_committees_scheme_scores_attendance_of_a_member_in_a_party_mass_group_below_it()
    {
        var attended = new AttendanceRecorded
        {
            SessionId = Guid.NewGuid(), PairingId = Guid.NewGuid(), MemberId = villageMember, MemberOrganisationId = gaobian,
            HeldOn = new DateOnly(2026, 3, 3), Attendance = AttendanceRecordedConsumer.Present,
        }.About(Guid.NewGuid(), organBranch, 1, DateTimeOffset.UtcNow);

        await DeliverAsync(attended);

        var entry = Assert.Single(await EntriesAsync(villageScheme));
        Assert.Equal((villageMember, "organisational-life", 2m), (entry.SubjectId, entry.Dimension, entry.Points));
    }
}
