using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>An organisation has one secretary at a time: the sitting one is revoked before another is assigned.</summary>
public sealed record OneSecretaryPerOrganisationRule(MemberRole Role, Guid? SittingSecretary) : IBusinessRule
{
    public const string IndexName = "ix_member_roles_one_secretary";

    public bool IsBroken() => Role == MemberRole.Secretary && SittingSecretary is not null;

    public string Code => "organisation.secretary-exists";

    public string Field => "role";

    public string MessageZh => "该组织已有书记，请先免去现任书记。";

    public string MessageEn => "The organisation already has a secretary; revoke the sitting one first.";
}
