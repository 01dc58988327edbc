using Lishui.Pairing.Domain;

namespace Lishui.Pairing.Features.OrganisationPairings;

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
    long Version)
{
    public static OrganisationPairingResponse From(OrganisationPairing p) =>
        new(p.Id, p.OrganBranchId, p.VillageCommitteeId, p.StartsOn, p.EndsOn, p.Purpose, p.ContactEveryDays, p.IsEnded, p.ListRevision, p.StudyTime, p.StudyPlace,
            p.StudyDurationMinutes, p.StudyFrom, p.Version);
}
