using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record RoleCannotEndBeforeItBeganRule(string FieldName, DateOnly AssignedOn, DateOnly RevokedOn) : IBusinessRule
{
    public bool IsBroken() => RevokedOn < AssignedOn;

    public string Code => "member.role-revoked-before-assigned";

    public string Field => FieldName;

    public string MessageZh => $"免职日期不能早于任职日期（{AssignedOn:yyyy-MM-dd}）。";

    public string MessageEn => $"A role cannot end before it began ({AssignedOn:yyyy-MM-dd}).";
}
