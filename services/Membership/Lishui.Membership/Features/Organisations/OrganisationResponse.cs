using Lishui.Membership.Domain.Organisations;

namespace Lishui.Membership.Features.Organisations;

public sealed record OrganisationResponse(
    Guid Id, string Name, OrganisationKind Kind, Guid? ParentId, string? EconomicCooperative, int Depth,
    bool Closed, DateTimeOffset CreatedAt, long Version)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id.Value, o.Name, o.Kind, o.ParentId?.Value, o.EconomicCooperative, o.Depth, o.IsClosed, o.CreatedAt, o.Version);
}
