using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Web;

public sealed record OrganisationPairingResponse(
    Guid Id,
    Guid OrganBranchId,
    Guid VillageCommitteeId,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string Purpose,
    int ContactEveryDays,
    bool Ended,
    int ListRevision,
    TimeOnly? StudyTime,
    string? StudyPlace,
    int? StudyDurationMinutes,
    DateOnly? StudyFrom,
    long Version,
    string? OrganBranchName = null,
    string? VillageCommitteeName = null)
{
    public static OrganisationPairingResponse From(OrganisationPairing p) =>
        new(p.Id, p.OrganBranchId, p.VillageCommitteeId, p.StartsOn, p.EndsOn, p.Purpose, p.ContactEveryDays, p.IsEnded, p.ListRevision, p.StudyTime, p.StudyPlace,
            p.StudyDurationMinutes, p.StudyFrom, p.Version);

    /// <summary>With both organisations' names from the local organisation view, for screens and print.</summary>
    public static async Task<List<OrganisationPairingResponse>> NamedAsync(PairingDbContext db, IReadOnlyCollection<OrganisationPairing> pairings, CancellationToken ct)
    {
        var ids = pairings.SelectMany(p => new[] { p.OrganBranchId, p.VillageCommitteeId }).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);
        return [.. pairings.Select(p => From(p) with
        {
            OrganBranchName = names.GetValueOrDefault(p.OrganBranchId),
            VillageCommitteeName = names.GetValueOrDefault(p.VillageCommitteeId),
        })];
    }
}
