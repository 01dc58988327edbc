using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record MemberNameMustBeGivenRule(string Name) : IBusinessRule
{
    public const int MaxLength = 50;

    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxLength;

    public string Code => "member.name-invalid";

    public string Field => "name";

    public string MessageZh => $"姓名不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The name must be given and at most {MaxLength} characters.";
}

public sealed record DateCannotBeInTheFutureRule(string FieldName, string LabelZh, string LabelEn, DateOnly Date, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Date > Today;

    public string Code => "date.in-future";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能晚于今天。";

    public string MessageEn => $"The {LabelEn} cannot be in the future.";
}

/// <summary>The Party Constitution admits people aged eighteen or over.</summary>
public sealed record MemberMustBeAdultWhenJoiningRule(DateOnly BirthDate, DateOnly JoinedOn) : IBusinessRule
{
    public const int MinimumAge = 18;

    public bool IsBroken() => JoinedOn < BirthDate.AddYears(MinimumAge);

    public string Code => "member.too-young";

    public string Field => "joinedOn";

    public string MessageZh => $"入党时须年满 {MinimumAge} 周岁。";

    public string MessageEn => $"A member must be at least {MinimumAge} when joining.";
}

public sealed record FullMembershipCannotPrecedeJoiningRule(DateOnly JoinedOn, DateOnly FullMemberOn) : IBusinessRule
{
    public bool IsBroken() => FullMemberOn < JoinedOn;

    public string Code => "member.full-before-joining";

    public string Field => "fullMemberOn";

    public string MessageZh => "转正日期不能早于入党日期。";

    public string MessageEn => "Full membership cannot start before joining.";
}

public sealed record StatusTransitionMustBeLegalRule(MemberStatus From, MemberStatus To) : IBusinessRule
{
    public bool IsBroken() => !MemberStatusTransitions.IsAllowed(From, To);

    public string Code => "member.status-transition-illegal";

    public string Field => "status";

    public string MessageZh => $"党员状态不能从“{MemberStatusTransitions.Label(From)}”变更为“{MemberStatusTransitions.Label(To)}”。"
        + (MemberStatusTransitions.From(From) is { Count: > 0 } next ? $"可变更为：{string.Join("、", next.Select(MemberStatusTransitions.Label))}。" : "该状态不能再变更。");

    public string MessageEn => $"A member cannot go from {From} to {To}. "
        + (MemberStatusTransitions.From(From) is { Count: > 0 } next ? $"Allowed: {string.Join(", ", next)}." : "This status is final.");
}

public sealed record ChangeCannotPrecedeCurrentStatusRule(DateOnly CurrentSince, DateOnly EffectiveOn) : IBusinessRule
{
    public bool IsBroken() => EffectiveOn < CurrentSince;

    public string Code => "member.change-before-current-status";

    public string Field => "effectiveOn";

    public string MessageZh => $"生效日期不能早于当前状态的生效日期（{CurrentSince:yyyy-MM-dd}）。";

    public string MessageEn => $"The change cannot take effect before the current status did ({CurrentSince:yyyy-MM-dd}).";
}

public sealed record TextMustBeGivenRule(string FieldName, string LabelZh, string LabelEn, string? Text, int MaxLength) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > MaxLength;

    public string Code => "field.text-invalid";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The {LabelEn} must be given and at most {MaxLength} characters.";
}

/// <summary>Only probationary and full members move; a member under advice to withdraw stays where the case is.</summary>
public sealed record OnlyAnActiveMemberTransfersRule(MemberStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status is not (MemberStatus.Probationary or MemberStatus.Full);

    public string Code => "member.not-active";

    public string MessageZh => $"党员当前状态为“{MemberStatusTransitions.Label(Status)}”，不能办理此项。";

    public string MessageEn => $"The member's status is {Status}; this is not possible now.";
}

public sealed record TransferMustChangeOrganisationRule(Guid From, Guid To) : IBusinessRule
{
    public bool IsBroken() => From == To;

    public string Code => "member.transfer-same-organisation";

    public string Field => "toOrganisationId";

    public string MessageZh => "党员已在该组织，无需转接。";

    public string MessageEn => "The member is already in this organisation.";
}

public sealed record TransferCannotPrecedeCurrentOrganisationRule(DateOnly Since, DateOnly EffectiveOn) : IBusinessRule
{
    public bool IsBroken() => EffectiveOn < Since;

    public string Code => "member.transfer-before-current-organisation";

    public string Field => "effectiveOn";

    public string MessageZh => $"转接日期不能早于党员进入当前组织的日期（{Since:yyyy-MM-dd}）。";

    public string MessageEn => $"The transfer cannot take effect before the member came to the current organisation ({Since:yyyy-MM-dd}).";
}

/// <summary>Being on the roll already makes one a member; only the offices are assigned.</summary>
public sealed record MemberRoleIsNotAssignedRule(MemberRole Role) : IBusinessRule
{
    public bool IsBroken() => Role == MemberRole.Member;

    public string Code => "member.role-implicit";

    public string Field => "role";

    public string MessageZh => "在册党员即具有“党员”身份，无需任命。";

    public string MessageEn => "Every member on the roll is a Member; this role is not assigned.";
}

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

/// <summary>A probationary member has no right to stand for election (被选举权), so holds no office.</summary>
public sealed record OnlyAFullMemberHoldsAnOfficeRule(MemberStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != MemberStatus.Full;

    public string Code => "member.role-needs-full-member";

    public string Field => "role";

    public string MessageZh => $"只有正式党员可以担任职务（当前状态：{MemberStatusTransitions.Label(Status)}）。";

    public string MessageEn => $"Only a full member holds an office (the member is {Status}).";
}

public sealed record RoleNotAlreadyHeldRule(MemberRole Role, bool AlreadyHeld) : IBusinessRule
{
    public bool IsBroken() => AlreadyHeld;

    public string Code => "member.role-already-held";

    public string Field => "role";

    public string MessageZh => $"该党员已担任{RoleAssignment.Label(Role)}。";

    public string MessageEn => $"The member already holds the role {Role}.";
}

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

public sealed record RoleMustBeHeldRule(MemberRole Role, RoleAssignment? Assignment) : IBusinessRule
{
    public bool IsBroken() => Assignment is not { IsActive: true };

    public string Code => "member.role-not-held";

    public string Field => "role";

    public string MessageZh => $"该党员未担任{RoleAssignment.Label(Role)}。";

    public string MessageEn => $"The member does not hold the role {Role}.";
}

public sealed record RoleCannotEndBeforeItBeganRule(string FieldName, DateOnly AssignedOn, DateOnly RevokedOn) : IBusinessRule
{
    public bool IsBroken() => RevokedOn < AssignedOn;

    public string Code => "member.role-revoked-before-assigned";

    public string Field => FieldName;

    public string MessageZh => $"免职日期不能早于任职日期（{AssignedOn:yyyy-MM-dd}）。";

    public string MessageEn => $"A role cannot end before it began ({AssignedOn:yyyy-MM-dd}).";
}
