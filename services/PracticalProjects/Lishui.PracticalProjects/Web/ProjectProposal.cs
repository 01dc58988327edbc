using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Web;

/// <summary>A project proposal. The responsible cadre may be named by member id (then known from Membership's events).</summary>
public sealed record ProposeProjectRequest(
    string Title, ProjectLevel Level, string Batch, ProjectDomain Domain, Guid ResponsibleOrganisationId, string ResponsibleCadre,
    string Location, DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget, string FundingSource, Guid? ParentId, int? Weight,
    Guid? ResponsibleCadreMemberId = null, string? Village = null, bool? RequiresConsultation = null);

/// <summary>
/// Proposing a project, from POST /projects or from a resident request turned into one: the references the
/// proposal names are checked here, the rules by <see cref="PracticalProject.Propose"/>.
/// </summary>
public static class ProjectProposal
{
    /// <summary>Adds the proposed project and its ProjectProposed event to the context (the caller saves).</summary>
    public static async Task<PracticalProject> ProposeAsync(
        ProjectsDbContext db, ProposeProjectRequest r, IReadOnlyCollection<Guid> originRequestIds, DateTimeOffset now, CancellationToken ct)
    {
        await db.EnsureKnownAsync(r.ResponsibleOrganisationId, "responsibleOrganisationId", "责任单位", "responsible organisation", ct);
        PracticalProject? parent = null;
        if (r.ParentId is { } parentId)
        {
            parent = await db.Projects.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(parentId), ct)
                ?? throw new RequestValidationException([new FieldError("parentId", "project.parent-unknown", "上级项目不存在。", "The parent project does not exist.")]);
        }

        if (r.ResponsibleCadreMemberId is { } cadre && !await db.Set<LocalMember>().AnyAsync(m => m.MemberId == cadre, ct))
        {
            throw new RequestValidationException([new FieldError("responsibleCadreMemberId", "project.cadre-unknown",
                "责任干部不在党员名册中（或尚未同步）。", "The responsible cadre is not on the member roll (or not yet known here).")]);
        }

        if (r.Village is { Length: > 50 })
        {
            throw new RequestValidationException([new FieldError("village", "project.village-too-long", "村名不超过 50 个字符。", "The village must be at most 50 characters.")]);
        }

        var project = PracticalProject.Propose(
            new ProjectId(Guid.CreateVersion7(now)), r.Title, r.Level, r.Batch, r.Domain, r.ResponsibleOrganisationId, r.ResponsibleCadre,
            r.Location, r.PlannedStart, r.PlannedEnd, r.Budget, r.FundingSource, parent, r.Weight ?? 1, now, r.ResponsibleCadreMemberId, r.Village, originRequestIds,
            r.RequiresConsultation == true);
        db.Projects.Add(project);
        return project;
    }
}
