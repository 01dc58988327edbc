using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.RegisterMember;

public sealed record RegisterMemberRequest(
    string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn, Guid OrganisationId)
    : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new FieldError("organisationId", "field.required", "请指定所属党组织。", "The organisation is required.");
        }
    }
}

/// <summary>POST /members: enter a member on the roll; MemberRegistered leaves through the outbox.</summary>
public static class RegisterMember
{
    public static RouteHandlerBuilder MapRegisterMember(this IEndpointRouteBuilder api) =>
        api.MapPost("/members", HandleAsync)
            .WithName("RegisterMember")
            .WithSummary("登记党员 / Register a member")
            .Accepts<RegisterMemberRequest>("application/json")
            .Produces<MemberResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        ValidatedBody<RegisterMemberRequest> body, MembershipDbContext db, MemberResponses responses, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        // Checks against current state run only for a new request: a retry replays the first answer.
        return await db.CreateOnceAsync(http, "members.register", request, async ct =>
        {
            await EnsureOrganisationIsOpenAsync(db, request.OrganisationId, ct);
            var now = time.GetUtcNow();
            var member = Member.Register(
                new MemberId(Guid.CreateVersion7(now)), request.Name, request.Gender, request.BirthDate,
                request.JoinedOn, request.FullMemberOn, request.OrganisationId, now);
            db.Members.Add(member);
            db.AddToOutbox(new MemberRegistered
            {
                MemberId = member.Id.Value,
                Name = member.Name,
                Status = member.Status.ToString(),
                JoinedOn = member.JoinedOn,
            }.About(member.Id.Value, member.OrganisationId, member.Version, now));
            return (responses.Of(member, []), $"/members/{member.Id.Value}");
        }, time);
    }

    private static async Task EnsureOrganisationIsOpenAsync(MembershipDbContext db, Guid organisationId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(organisationId), ct);
        if (organisation is null || organisation.IsClosed)
        {
            throw new RequestValidationException([new FieldError("organisationId", "organisation.unknown-or-closed",
                "所属党组织不存在或已撤销。", "The organisation does not exist or is closed.")]);
        }
    }
}
