using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.ChangeMemberStatus;

/// <summary><paramref name="DecidedBy"/> names who decided until authentication tells us who is asking.</summary>
public sealed record ChangeMemberStatusRequest(MemberStatus Status, DateOnly EffectiveOn, string Reason, string DecidedBy, long? ExpectedVersion);

public sealed record MemberStatusChangeResponse(
    Guid Id, Guid MemberId, MemberStatus PreviousStatus, MemberStatus Status, DateOnly EffectiveOn, string Reason, string DecidedBy,
    DateTimeOffset RecordedAt)
{
    public static MemberStatusChangeResponse Of(MemberStatusChange c) =>
        new(c.Id, c.MemberId.Value, c.From, c.To, c.EffectiveOn, c.Reason, c.DecidedBy, c.RecordedAt);
}

/// <summary>POST /members/{id}/status-changes: a legal move on the roll, kept in the status history; MemberStatusChanged leaves through the outbox.</summary>
public static class ChangeMemberStatus
{
    public static IEndpointRouteBuilder MapChangeMemberStatus(this IEndpointRouteBuilder api)
    {
        api.MapPost("/members/{id:guid}/status-changes", ChangeAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("ChangeMemberStatus")
            .WithSummary("变更党员状态（转正、转出、劝退、退党、除名、去世） / Change a member's status")
            .Accepts<ChangeMemberStatusRequest>("application/json")
            .Produces<MemberStatusChangeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/members/{id:guid}/status-changes", HistoryAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("ListMemberStatusChanges").WithSummary("党员状态变更记录 / A member's status history, oldest first");
        api.MapGet("/members/{id:guid}/status-changes/{changeId:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("GetMemberStatusChange").WithSummary("一条状态变更记录 / One status change");
        return api;
    }

    private static async Task<Results<Created<MemberStatusChangeResponse>, IdempotentReplay, ProblemHttpResult>> ChangeAsync(
        Guid id, ValidatedBody<ChangeMemberStatusRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.Members.AnyAsync(m => m.Id == new MemberId(id), http.RequestAborted))
        {
            return Problems.NotFound("党员", "member");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"members.{id:N}.status-changes", request, async ct =>
        {
            var member = await db.Members.FirstAsync(m => m.Id == new MemberId(id), ct);
            VersionCheck.EnsureVersion(request.ExpectedVersion, member.Version);
            var change = member.ChangeStatus(request.Status, request.EffectiveOn, request.Reason, request.DecidedBy, await db.ActiveRolesOfAsync(member.Id, ct), time.GetUtcNow());
            db.MemberStatusChanges.Add(change);
            return (MemberStatusChangeResponse.Of(change), $"/members/{id}/status-changes/{change.Id}");
        }, time);
    }

    private static Task<Results<Ok<List<MemberStatusChangeResponse>>, ProblemHttpResult>> HistoryAsync(
        Guid id, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.HistoryAsync<MemberStatusChange, MemberStatusChangeResponse>(db, id, MemberStatusChangeResponse.Of, ct);

    private static Task<Results<Ok<MemberStatusChangeResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Guid changeId, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.GetAsync<MemberStatusChange, MemberStatusChangeResponse>(db, id, changeId, MemberStatusChangeResponse.Of, "状态变更记录", "status change", ct);
}
