using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>A probationary member has no right to stand for election (被选举权), so holds no office.</summary>
public sealed record OnlyAFullMemberHoldsAnOfficeRule(MemberStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != MemberStatus.Full;

    public string Code => "member.role-needs-full-member";

    public string Field => "role";

    public string MessageZh => $"只有正式党员可以担任职务（当前状态：{MemberStatusTransitions.Label(Status)}）。";

    public string MessageEn => $"Only a full member holds an office (the member is {Status}).";
}
