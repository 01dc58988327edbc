using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

/// <summary>The town sector is the town committee's alone; the root is always in it.</summary>
public sealed record OnlyTheTownCommitteeIsOfTheTownSectorRule(bool IsRoot, OrganisationSector? Sector) : IBusinessRule
{
    public bool IsBroken() => IsRoot ? Sector is not (null or OrganisationSector.Town) : Sector == OrganisationSector.Town;

    public string Code => "organisation.sector-not-allowed";

    public string Field => "sector";

    public string MessageZh => IsRoot ? "镇党委的类别只能是“镇党委”。" : "只有镇党委属于“镇党委”类别，请选择村（社区）、机关、教育系统、公有资产系统或两新组织。";

    public string MessageEn => IsRoot ? "The town committee is of the Town sector." : "Only the town committee is of the Town sector; choose Village, Organ, Education, PublicAsset or TwoNew.";
}
