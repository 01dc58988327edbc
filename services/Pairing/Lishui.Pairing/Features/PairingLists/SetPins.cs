using Lishui.Pairing.Security;
using Lishui.Shared.Messaging;
using Lishui.Pairing.Data;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.PairingLists;

public sealed record PinRequest(Guid OrganMemberId, Guid VillageMemberId);

public sealed record SetPinsRequest(IReadOnlyList<PinRequest> Pins);

/// <summary>PUT /organisation-pairings/{id}/pins: the secretary's fixed pairs, honoured by the next regeneration.</summary>
public static class SetPins
{
    public static RouteHandlerBuilder MapSetPins(this IEndpointRouteBuilder api) =>
        api.MapPut("/organisation-pairings/{id:guid}/pins", HandleAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("SetPairingPins").WithSummary("书记指定的固定结对 / Set the secretary's pins")
            .Accepts<SetPinsRequest>("application/json");

    private static async Task<Results<Ok<SetPinsRequest>, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<SetPinsRequest> body, PairingDbContext db, CancellationToken ct)
    {
        if (await db.OrganisationPairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var organ = await db.SubtreeAsync(pairing.OrganBranchId, ct);
        var village = await db.SubtreeAsync(pairing.VillageCommitteeId, ct);
        var pins = body.Value.Pins;
        var ids = pins.SelectMany(p => new[] { p.OrganMemberId, p.VillageMemberId }).Distinct().ToList();
        var homes = await db.Members.AsNoTracking().Where(m => ids.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.OrganisationId, ct);
        var errors = new List<FieldError>();
        for (var i = 0; i < pins.Count; i++)
        {
            if (!homes.TryGetValue(pins[i].OrganMemberId, out var o) || !organ.Contains(o))
            {
                errors.Add(new FieldError($"pins[{i}].organMemberId", "pin.not-organ-member", "该党员不属于结对的机关党支部。", "This member is not in the paired organ branch."));
            }

            if (!homes.TryGetValue(pins[i].VillageMemberId, out var v) || !village.Contains(v))
            {
                errors.Add(new FieldError($"pins[{i}].villageMemberId", "pin.not-village-member", "该党员不属于结对的村党组织。", "This member is not in the paired village committee."));
            }
        }

        foreach (var duplicate in pins.Select((p, i) => (p, i)).GroupBy(x => x.p.VillageMemberId).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            errors.Add(new FieldError($"pins[{duplicate.i}].villageMemberId", "pin.duplicate", "同一村党员只能固定一位结对人。", "A village member can be pinned to one organ member only."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await db.Pins.Where(p => p.PairingId == id).ExecuteDeleteAsync(ct);
        db.Pins.AddRange(pins.Select(p => new PinnedPair { PairingId = id, OrganMemberId = p.OrganMemberId, VillageMemberId = p.VillageMemberId }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(body.Value);
    }
}
