using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

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
