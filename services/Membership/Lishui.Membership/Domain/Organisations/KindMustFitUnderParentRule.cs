using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

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
