using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.TransferMember;

public sealed record TransferMemberRequest(Guid ToOrganisationId, DateOnly EffectiveOn, string Reason, string? DecidedBy, long? ExpectedVersion)
    : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (ToOrganisationId == Guid.Empty)
        {
            yield return new FieldError("toOrganisationId", "field.required", "请指定转入的党组织。", "The organisation to transfer to is required.");
        }
    }
}

public sealed record MemberTransferResponse(
    Guid Id, Guid MemberId, Guid FromOrganisationId, Guid ToOrganisationId, DateOnly EffectiveOn, string Reason, string? DecidedBy,
    DateTimeOffset RecordedAt)
{
    public static MemberTransferResponse Of(MemberTransfer t) =>
        new(t.Id, t.MemberId.Value, t.FromOrganisationId, t.ToOrganisationId, t.EffectiveOn, t.Reason, t.DecidedBy, t.RecordedAt);
}

/// <summary>POST /members/{id}/transfers: move a member to another open organisation in the town, keeping the history.</summary>
public static class TransferMember
{
    public static IEndpointRouteBuilder MapTransferMember(this IEndpointRouteBuilder api)
    {
        // A transfer is decided where the member is now: a secretary cannot pull members out of another village.
        api.MapPost("/members/{id:guid}/transfers", TransferAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("TransferMember")
            .WithSummary("镇内组织关系转接 / Transfer a member to another organisation in the town")
            .Accepts<TransferMemberRequest>("application/json")
            .Produces<MemberTransferResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/members/{id:guid}/transfers", HistoryAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("ListMemberTransfers").WithSummary("组织关系转接记录 / A member's transfers, oldest first");
        api.MapGet("/members/{id:guid}/transfers/{transferId:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("GetMemberTransfer").WithSummary("一条转接记录 / One transfer");
        return api;
    }

    private static async Task<Results<Created<MemberTransferResponse>, IdempotentReplay, ProblemHttpResult>> TransferAsync(
        Guid id, ValidatedBody<TransferMemberRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.Members.AnyAsync(m => m.Id == new MemberId(id), http.RequestAborted))
        {
            return Problems.NotFound("党员", "member");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"members.{id:N}.transfers", request, async ct =>
        {
            var member = await db.Members.FirstAsync(m => m.Id == new MemberId(id), ct);
            VersionCheck.EnsureVersion(request.ExpectedVersion, member.Version);
            var target = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(request.ToOrganisationId), ct)
                ?? throw new RequestValidationException([new FieldError("toOrganisationId", "organisation.unknown",
                    "转入的党组织不存在。", "The organisation to transfer to does not exist.")]);
            var now = time.GetUtcNow();
            var transfer = member.TransferTo(target, request.EffectiveOn, request.Reason, request.DecidedBy, await db.ActiveRolesOfAsync(member.Id, ct), now);
            db.MemberTransfers.Add(transfer);
            return (MemberTransferResponse.Of(transfer), $"/members/{id}/transfers/{transfer.Id}");
        }, time);
    }

    private static Task<Results<Ok<List<MemberTransferResponse>>, ProblemHttpResult>> HistoryAsync(
        Guid id, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.HistoryAsync<MemberTransfer, MemberTransferResponse>(db, id, MemberTransferResponse.Of, ct);

    private static Task<Results<Ok<MemberTransferResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Guid transferId, MembershipDbContext db, CancellationToken ct) =>
        MemberRecords.GetAsync<MemberTransfer, MemberTransferResponse>(db, id, transferId, MemberTransferResponse.Of, "转接记录", "transfer", ct);
}
