using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record OrganisationNameMustBeGivenRule(string Name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > Organisation.MaxNameLength;

    public string Code => "organisation.name-invalid";

    public string Field => "name";

    public string MessageZh => $"组织名称不能为空，且不超过 {Organisation.MaxNameLength} 个字符。";

    public string MessageEn => $"The name must be given and at most {Organisation.MaxNameLength} characters.";
}

/// <summary>The town party committee is the one root; everything else hangs below something.</summary>
public sealed record OnlyTheTownCommitteeHasNoParentRule(OrganisationKind Kind, Organisation? Parent) : IBusinessRule
{
    public bool IsBroken() => Parent is null && Kind != OrganisationKind.PartyCommittee;

    public string Code => "organisation.parent-required";

    public string Field => "parentId";

    public string MessageZh => "只有镇党委可以没有上级组织，请指定上级组织。";

    public string MessageEn => "Only the town party committee has no parent; give a parent organisation.";
}

/// <summary>
/// Committees hold committees, general branches and branches; general branches hold branches;
/// branches hold party–mass groups; a party–mass group holds nothing.
/// </summary>
public sealed record KindMustFitUnderParentRule(OrganisationKind Kind, OrganisationKind ParentKind) : IBusinessRule
{
    public bool IsBroken() => (ParentKind, Kind) switch
    {
        (OrganisationKind.PartyCommittee, _) => false,
        (OrganisationKind.GeneralBranch, OrganisationKind.Branch or OrganisationKind.PartyMassGroup) => false,
        (OrganisationKind.Branch, OrganisationKind.PartyMassGroup) => false,
        _ => true,
    };

    public string Code => "organisation.kind-not-allowed-here";

    public string Field => "kind";

    public string MessageZh => $"{Label(ParentKind)}下不能设立{Label(Kind)}。";

    public string MessageEn => $"A {Kind} cannot be placed under a {ParentKind}.";

    private static string Label(OrganisationKind kind) => OrganisationLabels.Of(kind);
}

/// <summary>The town sector is the town committee's alone; the root is always in it.</summary>
public sealed record OnlyTheTownCommitteeIsOfTheTownSectorRule(bool IsRoot, OrganisationSector? Sector) : IBusinessRule
{
    public bool IsBroken() => IsRoot ? Sector is not (null or OrganisationSector.Town) : Sector == OrganisationSector.Town;

    public string Code => "organisation.sector-not-allowed";

    public string Field => "sector";

    public string MessageZh => IsRoot ? "镇党委的类别只能是“镇党委”。" : "只有镇党委属于“镇党委”类别，请选择村（社区）、机关、教育系统、公有资产系统或两新组织。";

    public string MessageEn => IsRoot ? "The town committee is of the Town sector." : "Only the town committee is of the Town sector; choose Village, Organ, Education, PublicAsset or TwoNew.";
}

/// <summary>Below the town a subtree is one sector: a village's branches and groups are the village's, an organ's are the organ's.</summary>
public sealed record SectorMustFollowParentRule(OrganisationSector? Sector, OrganisationSector? ParentSector) : IBusinessRule
{
    public bool IsBroken() => ParentSector is { } parent && parent != OrganisationSector.Town && Sector != parent;

    public string Code => "organisation.sector-differs-from-parent";

    public string Field => "sector";

    public string MessageZh => $"上级组织属于“{OrganisationLabels.Of(ParentSector)}”，下级组织须属于同一类别（现为“{OrganisationLabels.Of(Sector)}”）。";

    public string MessageEn => $"The parent is of the {ParentSector} sector; an organisation below it must be too (this one: {Sector?.ToString() ?? "unclassified"}).";
}

public sealed record PartyMassGroupNeedsACooperativeRule(OrganisationKind Kind, string? EconomicCooperative) : IBusinessRule
{
    public bool IsBroken() => Kind == OrganisationKind.PartyMassGroup && string.IsNullOrWhiteSpace(EconomicCooperative);

    public string Code => "organisation.cooperative-required";

    public string Field => "economicCooperative";

    public string MessageZh => "党群小组须对应一个经济社。";

    public string MessageEn => "A party–mass group belongs to an economic cooperative.";
}

public sealed record OrganisationMustBeOpenRule(Organisation Organisation, string FieldName) : IBusinessRule
{
    public bool IsBroken() => Organisation.IsClosed;

    public string Code => "organisation.closed";

    public string Field => FieldName;

    public string MessageZh => $"组织“{Organisation.Name}”已撤销。";

    public string MessageEn => $"The organisation '{Organisation.Name}' is closed.";
}

public sealed record NoOrganisationMovesUnderItselfRule(Organisation Moving, Organisation NewParent) : IBusinessRule
{
    public bool IsBroken() => NewParent.Path.StartsWith(Moving.Path, StringComparison.Ordinal);

    public string Code => "organisation.move-cycle";

    public string Field => "parentId";

    public string MessageZh => "不能将组织移动到其自身或其下级组织之下。";

    public string MessageEn => "An organisation cannot move under itself or one of its descendants.";
}

public sealed record OnlyAnEmptyOrganisationClosesRule(int OpenChildren, int MembersOnRoll) : IBusinessRule
{
    public bool IsBroken() => OpenChildren > 0 || MembersOnRoll > 0;

    public string Code => "organisation.not-empty";

    public string MessageZh => $"组织下仍有 {OpenChildren} 个下级组织和 {MembersOnRoll} 名党员，不能撤销。";

    public string MessageEn => $"The organisation still has {OpenChildren} open sub-organisations and {MembersOnRoll} members.";
}
