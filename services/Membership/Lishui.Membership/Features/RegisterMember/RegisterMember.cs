using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.RegisterMember;

/// <param name="IdNumber">The 18-character resident ID number (required); stored encrypted, shown masked.</param>
/// <param name="Phone">Mainland mobile number, optional; stored encrypted, shown masked.</param>
/// <param name="Email">Optional; stored encrypted, shown masked.</param>
public sealed record RegisterMemberRequest(
    string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn, Guid OrganisationId,
    string? IdNumber = null, string? Phone = null, string? Email = null)
    : IValidatableRequest
{
    public PersonalDetails ToDetails() => PersonalDetails.Normalised(IdNumber, Phone, Email);

    public IEnumerable<FieldError> Validate()
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new FieldError("organisationId", "field.required", "请指定所属党组织。", "The organisation is required.");
        }

        foreach (var error in PersonalDataProblems.Check(ToDetails(), BirthDate))
        {
            yield return error;
        }
    }
}

/// <summary>POST /members: enter a member on the roll; MemberRegistered leaves through the outbox.</summary>
public static class RegisterMember
{
    public static RouteHandlerBuilder MapRegisterMember(this IEndpointRouteBuilder api) =>
        api.MapPost("/members", HandleAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.OrganisationInBody)
            .WithName("RegisterMember")
            .WithSummary("登记党员 / Register a member")
            .Accepts<RegisterMemberRequest>("application/json")
            .Produces<MemberResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<MemberResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        ValidatedBody<RegisterMemberRequest> body, MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector,
        TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        var details = request.ToDetails();
        // The stored request fingerprint must not let anyone test guesses of the ID number: keyed hashes stand in for it.
        var fingerprint = request with
        {
            IdNumber = KeyedHash(protector, details.IdNumber),
            Phone = KeyedHash(protector, details.Phone),
            Email = KeyedHash(protector, details.Email),
        };
        // Checks against current state run only for a new request: a retry replays the first answer.
        return await PersonalDataProblems.GuardDuplicateIdNumberAsync(() => db.CreateOnceAsync(http, "members.register", fingerprint, async ct =>
        {
            var now = time.GetUtcNow();
            var member = Member.Register(
                new MemberId(Guid.CreateVersion7(now)), request.Name, request.Gender, request.BirthDate,
                request.JoinedOn, request.FullMemberOn, request.OrganisationId, now);
            member.ProtectPersonalData(details, protector);
            await EnsureOrganisationIsOpenAndIdNumberNewAsync(db, request.OrganisationId, member.IdNumberHash, ct);
            db.Members.Add(member);
            return (responses.Of(member, []), $"/members/{member.Id.Value}");
        }, time));
    }

    private static string? KeyedHash(PersonalDataProtector protector, string? value) =>
        value is null ? null : Convert.ToHexString(protector.Hash(value));

    /// <summary>
    /// Both checks in one statement, as every registration runs them: the organisation exists and is
    /// open, and the ID number is not on the roll yet (the unique index still decides a race).
    /// </summary>
    private static async Task EnsureOrganisationIsOpenAndIdNumberNewAsync(
        MembershipDbContext db, Guid organisationId, byte[]? idNumberHash, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == new OrganisationId(organisationId))
            .Select(o => new { o.ClosedAt, OnRoll = idNumberHash != null && db.Members.Any(m => m.IdNumberHash == idNumberHash) })
            .FirstOrDefaultAsync(ct);
        if (organisation is null || organisation.ClosedAt is not null)
        {
            throw new RequestValidationException([new FieldError("organisationId", "organisation.unknown-or-closed",
                "所属党组织不存在或已撤销。", "The organisation does not exist or is closed.")]);
        }

        if (organisation.OnRoll)
        {
            throw new DuplicateIdNumberException();
        }
    }
}
