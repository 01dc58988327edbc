using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Membership.Features.Roles;

/// <summary>
/// <c>organisationId</c>: where the office is held, when not the member's own organisation: one above it
/// (a branch member on the village committee) or, for a stationed leader, the village committee.
/// </summary>
public sealed record AssignRoleRequest(MemberRole Role, DateOnly AssignedOn, string DecidedBy, long? ExpectedVersion, Guid? OrganisationId = null);

public sealed record RevokeRoleRequest(DateOnly RevokedOn, string DecidedBy, long? ExpectedVersion);

public sealed record RoleAssignmentResponse(
    Guid Id, Guid MemberId, Guid OrganisationId, MemberRole Role, DateOnly AssignedOn, string AssignedBy, DateOnly? RevokedOn, string? RevokedBy, bool Active)
{
    public static RoleAssignmentResponse Of(RoleAssignment a) =>
        new(a.Id, a.MemberId.Value, a.OrganisationId, a.Role, a.AssignedOn, a.AssignedBy, a.RevokedOn, a.RevokedBy, a.IsActive);
}

/// <summary>Offices in the member's organisation: assign (POST /members/{id}/roles), revoke, list; one secretary per organisation.</summary>
public static class MemberRoles
{
    public static IEndpointRouteBuilder MapMemberRoles(this IEndpointRouteBuilder api)
    {
        api.MapPost("/members/{id:guid}/roles", AssignAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("AssignMemberRole")
            .WithSummary("任职（书记、副书记、委员、党群小组长、驻点领导） / Assign an office")
            .WithDescription("organisationId 为任职组织：默认为党员所在组织，也可为其上级组织（如支部党员任村党委委员）；驻点领导为所驻村（社区）党委。 / organisationId is where the office is held: by default the member's organisation, or one above it; a stationed leader's is the village committee.")
            .Accepts<AssignRoleRequest>("application/json")
            .Produces<RoleAssignmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/members/{id:guid}/roles/{role}/revoke", RevokeAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("RevokeMemberRole")
            .WithSummary("免职 / Revoke an office the member holds")
            .Accepts<RevokeRoleRequest>("application/json");
        api.MapGet("/members/{id:guid}/roles", ListAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("ListMemberRoles").WithSummary("任职记录（含已免职） / Offices held, current and past");
        api.MapGet("/members/{id:guid}/roles/{assignmentId:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("GetMemberRole").WithSummary("一条任职记录 / One office assignment");
        return api;
    }

    private static async Task<Results<Created<RoleAssignmentResponse>, IdempotentReplay, ProblemHttpResult>> AssignAsync(
        Guid id, ValidatedBody<AssignRoleRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.Members.AnyAsync(m => m.Id == new MemberId(id), http.RequestAborted))
        {
            return Problems.NotFound("党员", "member");
        }

        var request = body.Value;
        // The body names a second organisation: a secretary must have it in their subtree too.
        if (request.OrganisationId is { } named && await http.RefuseUnlessAllowedForAsync(MembershipScopes.Organisation, named) is { } refused)
        {
            return refused;
        }

        try
        {
            return await db.CreateOnceAsync(http, $"members.{id:N}.roles", request, async ct =>
            {
                var member = await db.Members.FirstAsync(m => m.Id == new MemberId(id), ct);
                VersionCheck.EnsureVersion(request.ExpectedVersion, member.Version);
                var own = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == new OrganisationId(member.OrganisationId), ct);
                var office = request.OrganisationId is { } officeId && officeId != member.OrganisationId
                    ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(officeId), ct)
                        ?? throw new RequestValidationException([new FieldError("organisationId", "organisation.unknown", "任职组织不存在。", "The organisation does not exist.")])
                    : own;
                var active = await db.RoleAssignments.Where(a => a.MemberId == member.Id && a.RevokedOn == null).ToListAsync(ct);
                var secretary = await db.RoleAssignments.AsNoTracking()
                    .FirstOrDefaultAsync(a => a.OrganisationId == office.Id.Value && a.Role == MemberRole.Secretary && a.RevokedOn == null, ct);
                var now = time.GetUtcNow();
                var assignment = member.AssignRole(request.Role, office, own.Path, active, secretary?.MemberId.Value, request.AssignedOn, request.DecidedBy, now);
                db.RoleAssignments.Add(assignment);
                return (RoleAssignmentResponse.Of(assignment), $"/members/{id}/roles/{assignment.Id}");
            }, time);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
            && pg.ConstraintName == OneSecretaryPerOrganisationRule.IndexName)
        {
            // Another secretary was assigned between our check and our write: same answer as the check.
            return Problems.Result(Problems.RuleBroken(new OneSecretaryPerOrganisationRule(MemberRole.Secretary, Guid.Empty)));
        }
    }

    private static async Task<Results<Ok<RoleAssignmentResponse>, ProblemHttpResult>> RevokeAsync(
        Guid id, string role, ValidatedBody<RevokeRoleRequest> body, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Members.FirstOrDefaultAsync(m => m.Id == new MemberId(id), ct) is not { } member)
        {
            return Problems.NotFound("党员", "member");
        }

        if (!Enum.TryParse<MemberRole>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            throw new RequestValidationException([new FieldError("role", "field.wrong-type",
                $"职务应为以下之一：{string.Join("、", Enum.GetNames<MemberRole>())}", $"The role must be one of: {string.Join(", ", Enum.GetNames<MemberRole>())}.")]);
        }

        var request = body.Value;
        VersionCheck.EnsureVersion(request.ExpectedVersion, member.Version);
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.MemberId == member.Id && a.Role == parsed && a.RevokedOn == null, ct);
        var now = time.GetUtcNow();
        member.RevokeRole(parsed, assignment, request.RevokedOn, request.DecidedBy, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RoleAssignmentResponse.Of(assignment!));
    }

    private static Task<Results<Ok<List<RoleAssignmentResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.HistoryAsync<RoleAssignment, RoleAssignmentResponse>(db, id, RoleAssignmentResponse.Of, ct);

    private static Task<Results<Ok<RoleAssignmentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Guid assignmentId, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.GetAsync<RoleAssignment, RoleAssignmentResponse>(db, id, assignmentId, RoleAssignmentResponse.Of, "任职记录", "role assignment", ct);
}
