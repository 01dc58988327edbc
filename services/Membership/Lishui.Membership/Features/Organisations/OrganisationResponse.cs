using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;

namespace Lishui.Membership.Features.Organisations;

/// <summary>An organisation with its kind and sector, each with its Chinese label beside the code.</summary>
public sealed record OrganisationResponse(
    Guid Id, string Name, OrganisationKind Kind, string KindLabel, OrganisationSector? Sector, string SectorLabel, Guid? ParentId,
    string? EconomicCooperative, int Depth, bool Closed, DateTimeOffset CreatedAt, long Version)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id.Value, o.Name, o.Kind, OrganisationLabels.Of(o.Kind), o.Sector, OrganisationLabels.Of(o.Sector), o.ParentId?.Value,
            o.EconomicCooperative, o.Depth, o.IsClosed, o.CreatedAt, o.Version);
}
