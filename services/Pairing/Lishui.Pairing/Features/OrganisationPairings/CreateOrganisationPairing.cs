using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Pairing.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Pairing.Features.OrganisationPairings;

public sealed record CreateOrganisationPairingRequest(
    Guid OrganBranchId,
    Guid VillageCommitteeId,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string Purpose,
    int? ContactEveryDays) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Purpose) || Purpose.Trim().Length > OrganisationPairing.MaxPurposeLength)
        {
            yield return new FieldError("purpose", "pairing.purpose-invalid", $"结对目的不能为空，且不超过 {OrganisationPairing.MaxPurposeLength} 个字符。", $"The purpose must be given and at most {OrganisationPairing.MaxPurposeLength} characters.");
        }

        if (ContactEveryDays is < 1 or > 365)
        {
            yield return new FieldError("contactEveryDays", "pairing.contact-interval-invalid", "联系周期应为 1 至 365 天。", "The contact interval must be 1 to 365 days.");
        }
    }
}

/// <summary>POST /organisation-pairings: pair an organ branch with a village party committee (组织结对).</summary>
public static class CreateOrganisationPairing
{
    public const string OverlapConstraint = "ex_organisation_pairings_no_overlap";

    public static RouteHandlerBuilder MapCreateOrganisationPairing(this IEndpointRouteBuilder api) =>
        // Organisation pairings: the town pairs organ branches with villages; either side's secretaries run them.
        api.MapPost("/organisation-pairings", HandleAsync).RequireAccess(PairingAccess.TownOnly)
            .WithName("CreateOrganisationPairing")
            .WithSummary("组织结对 / Pair an organ branch with a village committee")
            .Accepts<CreateOrganisationPairingRequest>("application/json")
            .Produces<OrganisationPairingResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<OrganisationPairingResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        ValidatedBody<CreateOrganisationPairingRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        try
        {
            return await db.CreateOnceAsync(http, "organisation-pairings.create", request, async ct =>
            {
                var organ = await KnownAsync(db, request.OrganBranchId, ct);
                var village = await KnownAsync(db, request.VillageCommitteeId, ct);
                var existing = await db.OrganisationPairings
                    .Where(p => p.OrganBranchId == request.OrganBranchId && p.VillageCommitteeId == request.VillageCommitteeId)
                    .ToListAsync(ct);
                var now = time.GetUtcNow();
                var pairing = OrganisationPairing.Create(
                    Guid.CreateVersion7(now), organ, village, request.StartsOn, request.EndsOn, request.Purpose,
                    request.ContactEveryDays ?? OrganisationPairing.DefaultContactEveryDays, existing, now);
                db.OrganisationPairings.Add(pairing);
                return (OrganisationPairingResponse.From(pairing), $"/organisation-pairings/{pairing.Id}");
            }, time);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: OverlapConstraint })
        {
            // A concurrent request paired the same two for an overlapping period first.
            return Problems.Result(Problems.RuleBroken(new NoOverlappingPairingOfTheSameTwoRule(request.StartsOn, request.EndsOn, [])));
        }
    }

    private static async Task<PairedOrganisation> KnownAsync(PairingDbContext db, Guid id, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == id)
            .Select(o => new PairedOrganisation(o.OrganisationId, o.Name, o.Closed))
            .FirstOrDefaultAsync(ct)
        ?? new PairedOrganisation(id, null, false);
}
