using System.Text.Json.Serialization;

namespace Lishui.Contracts.Membership;

/// <summary>
/// Where a member stands on the roll: 预备党员 → 正式党员 → 转出 / 劝退 → 退党 / 除名 / 去世. On the wire
/// and in every service's tables, the member's name as text ("Full"), whatever serializer writes it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberStatus>))]
public enum MemberStatus
{
    Probationary,
    Full,

    /// <summary>Transferred out of the town (组织关系转出); moves inside the town are transfers, not a status.</summary>
    TransferredOut,
    WithdrawalAdvised,
    Withdrawn,
    RemovedFromRoll,
    Deceased,
}

public static class MemberStatuses
{
    /// <summary>Still counted on the organisation's roll (advice to withdraw is not yet leaving).</summary>
    public static bool IsOnRoll(this MemberStatus status) =>
        status is MemberStatus.Probationary or MemberStatus.Full or MemberStatus.WithdrawalAdvised;

    /// <summary>
    /// On the roll and not advised to withdraw: paired, expected at study sessions and addressed as one of
    /// the organisation's members. A status added later counts only once it is named here.
    /// </summary>
    public static bool IsInGoodStanding(this MemberStatus status) =>
        status is MemberStatus.Probationary or MemberStatus.Full;

    /// <summary>The statuses of <see cref="IsInGoodStanding"/>, for database queries.</summary>
    public static readonly MemberStatus[] InGoodStanding = [MemberStatus.Probationary, MemberStatus.Full];

    /// <summary>The statuses of <see cref="IsOnRoll"/>, for database queries.</summary>
    public static readonly MemberStatus[] OnRoll = [MemberStatus.Probationary, MemberStatus.Full, MemberStatus.WithdrawalAdvised];
}
