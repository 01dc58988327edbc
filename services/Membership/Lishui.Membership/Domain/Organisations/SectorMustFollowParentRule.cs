using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

/// <summary>Below the town a subtree is one sector: a village's branches and groups are the village's, an organ's are the organ's.</summary>
public sealed record SectorMustFollowParentRule(OrganisationSector? Sector, OrganisationSector? ParentSector) : IBusinessRule
{
    public bool IsBroken() => ParentSector is { } parent && parent != OrganisationSector.Town && Sector != parent;

    public string Code => "organisation.sector-differs-from-parent";

    public string Field => "sector";

    public string MessageZh => $"上级组织属于“{OrganisationLabels.Of(ParentSector)}”，下级组织须属于同一类别（现为“{OrganisationLabels.Of(Sector)}”）。";

    public string MessageEn => $"The parent is of the {ParentSector} sector; an organisation below it must be too (this one: {Sector?.ToString() ?? "unclassified"}).";
}
