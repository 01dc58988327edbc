using Lishui.PracticalProjects.Domain.Projects;

namespace Lishui.PracticalProjects.Features.Projects;

public sealed record StatusChangeResponse(ProjectStatus From, ProjectStatus To, DateOnly EffectiveOn, string? Reason, string DecidedBy, DateTimeOffset RecordedAt);

public sealed record GrantResponse(Guid Id, decimal Amount, string FundingSource, DateOnly GrantedOn, string GrantedBy, string? OverrideReason, DateTimeOffset RecordedAt);

public sealed record MilestoneResponse(Guid Id, string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record UpdateResponse(Guid Id, DateOnly PublishedOn, string Text, string PublishedBy);

public sealed record ProgressReportResponse(int From, int To, string? Reason, string? ReportedBy, DateTimeOffset RecordedAt);

/// <summary>The cadres' view of a project; <c>timeline</c> is its status changes.</summary>
public sealed record ProjectResponse(
    Guid Id, string Title, ProjectLevel Level, string Batch, ProjectDomain Domain, Guid ResponsibleOrganisationId, string ResponsibleCadre,
    string Location, DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget, string FundingSource, Guid? ParentId, int Weight,
    ProjectStatus Status, int Progress, int RolledUpProgress, IReadOnlyList<StatusChangeResponse> Timeline, long Version,
    Guid? ResponsibleCadreMemberId, string? Village, IReadOnlyList<Guid> OriginRequestIds, decimal Granted, IReadOnlyList<GrantResponse> Grants,
    IReadOnlyList<MilestoneResponse> Milestones, IReadOnlyList<UpdateResponse> Updates, IReadOnlyList<ProgressReportResponse> ProgressReports,
    bool RequiresConsultation)
{
    public static ProjectResponse From(PracticalProject p, int rolledUpProgress) =>
        new(p.Id.Value, p.Title, p.Level, p.Batch, p.Domain, p.ResponsibleOrganisationId, p.ResponsibleCadre, p.Location, p.PlannedStart,
            p.PlannedEnd, p.Budget, p.FundingSource, p.ParentId?.Value, p.Weight, p.Status, p.Progress, rolledUpProgress,
            p.History.Select(h => new StatusChangeResponse(h.From, h.To, h.EffectiveOn, h.Reason, h.DecidedBy, h.RecordedAt)).ToList(), p.Version,
            p.ResponsibleCadreMemberId, p.Village, p.OriginRequestIds, p.Granted,
            p.Grants.Select(g => new GrantResponse(g.Id, g.Amount, g.FundingSource, g.GrantedOn, g.GrantedBy, g.OverrideReason, g.RecordedAt)).ToList(),
            p.Milestones.OrderBy(m => m.PlannedOn).Select(m => new MilestoneResponse(m.Id, m.Name, m.PlannedOn, m.ReachedOn)).ToList(),
            p.Updates.OrderBy(u => u.RecordedAt).Select(u => new UpdateResponse(u.Id, u.PublishedOn, u.Text, u.PublishedBy)).ToList(),
            p.ProgressReports.OrderBy(r => r.RecordedAt).Select(r => new ProgressReportResponse(r.From, r.To, r.Reason, r.ReportedBy, r.RecordedAt)).ToList(),
            p.RequiresConsultation);
}
