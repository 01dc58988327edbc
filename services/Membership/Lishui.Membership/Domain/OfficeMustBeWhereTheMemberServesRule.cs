using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>
/// An office is held in the member's own organisation or one above it (a member registered in a branch
/// sits on the village committee); a stationed leader (驻点领导) is stationed in a village party committee.
/// </summary>
public sealed record OfficeMustBeWhereTheMemberServesRule(MemberRole Role, Organisation Office, string OwnOrganisationPath) : IBusinessRule
{
    public bool IsBroken() => Role == MemberRole.StationedLeader
        ? Office.Kind != OrganisationKind.PartyCommittee || Office.ParentId is null
        : !OwnOrganisationPath.StartsWith(Office.Path, StringComparison.Ordinal);

    public string Code => "member.office-organisation-invalid";

    public string Field => "organisationId";

    public string MessageZh => Role == MemberRole.StationedLeader
        ? "驻点领导须驻点于村（社区）党委。"
        : $"职务须在党员所在组织或其上级组织中担任（“{Office.Name}”不是）。";

    public string MessageEn => Role == MemberRole.StationedLeader
        ? "A stationed leader is stationed in a village party committee."
        : $"An office is held in the member's own organisation or one above it ('{Office.Name}' is neither).";
}
