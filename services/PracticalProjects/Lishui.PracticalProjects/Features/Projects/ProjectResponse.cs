using Lishui.PracticalProjects.Domain.Projects;

namespace Lishui.PracticalProjects.Features.Projects;

public sealed record StatusChangeResponse(ProjectStatus From, ProjectStatus To, DateOnly EffectiveOn, string? Reason, string DecidedBy, DateTimeOffset RecordedAt);

public sealed record ProjectResponse(
    Guid Id, string Title, ProjectLevel Level, string Batch, ProjectDomain Domain, Guid ResponsibleOrganisationId, string ResponsibleCadre,
    string Location, DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget, string FundingSource, Guid? ParentId, int Weight,
    ProjectStatus Status, int Progress, int RolledUpProgress, IReadOnlyList<StatusChangeResponse> Timeline, long Version)
{
    public static ProjectResponse From(PracticalProject p, int rolledUpProgress) =>
        new(p.Id.Value, p.Title, p.Level, p.Batch, p.Domain, p.ResponsibleOrganisationId, p.ResponsibleCadre, p.Location, p.PlannedStart,
            p.PlannedEnd, p.Budget, p.FundingSource, p.ParentId?.Value, p.Weight, p.Status, p.Progress, rolledUpProgress,
            p.History.Select(h => new StatusChangeResponse(h.From, h.To, h.EffectiveOn, h.Reason, h.DecidedBy, h.RecordedAt)).ToList(), p.Version);
}
