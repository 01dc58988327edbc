using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

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

    private static Task<IResult> HandleAsync(
        ValidatedBody<RegisterMemberRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        return db.CreateOnceAsync(http, "members.register", request, _ =>
        {
            var now = time.GetUtcNow();
            var member = Member.Register(
                new MemberId(Guid.CreateVersion7(now)), request.Name, request.Gender, request.BirthDate,
                request.JoinedOn, request.FullMemberOn, request.OrganisationId, now);
            db.Members.Add(member);
            db.AddToOutbox(new MemberRegistered
            {
                EventId = Guid.CreateVersion7(now),
                OccurredAt = now,
                AggregateId = member.Id.Value,
                OrganisationId = member.OrganisationId,
                Sequence = member.Version,
                MemberId = member.Id.Value,
                Name = member.Name,
                Status = member.Status.ToString(),
                JoinedOn = member.JoinedOn,
            });
            return Task.FromResult((MemberResponse.From(member), $"/members/{member.Id.Value}"));
        }, time);
    }
}
