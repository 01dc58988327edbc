using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Records one governance fact per event for the governance-effectiveness list. Separate from the
/// points consumers (own queue, own inbox rows): counting happens whether or not any scheme scores the
/// event. Facts arrive in batches (Messaging:Batch), a batch in one transaction.
/// </summary>
public abstract class GovernanceFactConsumer<TEvent>(AssessmentDbContext db) : IdempotentBatchConsumer<TEvent, AssessmentDbContext>(db)
    where TEvent : IntegrationEvent
{
    protected abstract Task<GovernanceFact> FactOfAsync(TEvent message, CancellationToken ct);

    protected override async Task HandleBatchAsync(IReadOnlyList<TEvent> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            Db.Set<GovernanceFact>().Add(await FactOfAsync(message, ct));
        }
    }

    /// <summary>The member's organisation from the local roll; the event's own organisation when the member is not known here.</summary>
    protected async Task<Guid> OrganisationOfMemberAsync(Guid memberId, Guid fallback, CancellationToken ct) =>
        await Db.Members.Where(m => m.MemberId == memberId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct) ?? fallback;
}

public sealed class AttendanceFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<AttendanceRecorded>(db)
{
    protected override Task<GovernanceFact> FactOfAsync(AttendanceRecorded m, CancellationToken ct) => Task.FromResult(new GovernanceFact
    {
        EventId = m.EventId, Kind = FactKind.StudyAttendance, OrganisationId = m.MemberOrganisationId, SubjectId = m.MemberId, OccurredOn = m.HeldOn, Value = m.Attendance,
    });
}

/// <summary>A contact counts for the village member's organisation: compliance is a village's figure.</summary>
public sealed class ContactLoggedFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<ContactLogged>(db)
{
    protected override async Task<GovernanceFact> FactOfAsync(ContactLogged m, CancellationToken ct) => new()
    {
        EventId = m.EventId, Kind = FactKind.ContactLogged, OrganisationId = await OrganisationOfMemberAsync(m.VillageMemberId, m.OrganisationId, ct),
        SubjectId = m.MemberPairId, OccurredOn = m.ContactedOn, Value = m.Channel,
    };
}

public sealed class ContactOverdueFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<ContactOverdue>(db)
{
    protected override async Task<GovernanceFact> FactOfAsync(ContactOverdue m, CancellationToken ct) => new()
    {
        EventId = m.EventId, Kind = FactKind.ContactOverdue, OrganisationId = await OrganisationOfMemberAsync(m.VillageMemberId, m.OrganisationId, ct),
        SubjectId = m.MemberPairId, OccurredOn = m.DueOn,
    };
}

public sealed class RequestAnsweredFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<ResidentRequestAnswered>(db)
{
    protected override Task<GovernanceFact> FactOfAsync(ResidentRequestAnswered m, CancellationToken ct) => Task.FromResult(new GovernanceFact
    {
        EventId = m.EventId, Kind = FactKind.RequestAnswered, OrganisationId = m.OrganisationId, SubjectId = m.RequestId, OccurredOn = m.AnsweredOn,
    });
}

public sealed class RequestOverdueFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<ResidentRequestOverdue>(db)
{
    protected override Task<GovernanceFact> FactOfAsync(ResidentRequestOverdue m, CancellationToken ct) => Task.FromResult(new GovernanceFact
    {
        EventId = m.EventId, Kind = FactKind.RequestOverdue, OrganisationId = m.OrganisationId, SubjectId = m.RequestId, OccurredOn = m.DueOn,
    });
}

public sealed class ProjectStatusFactConsumer(AssessmentDbContext db) : GovernanceFactConsumer<ProjectStatusChanged>(db)
{
    protected override Task<GovernanceFact> FactOfAsync(ProjectStatusChanged m, CancellationToken ct) => Task.FromResult(new GovernanceFact
    {
        EventId = m.EventId, Kind = FactKind.ProjectStatus, OrganisationId = m.OrganisationId, SubjectId = m.ProjectId, OccurredOn = m.EffectiveOn, Value = m.Status,
    });
}
