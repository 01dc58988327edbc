using Lishui.Contracts.Membership;

namespace Lishui.Membership.Domain;

/// <summary>One row of a member's status history: what changed, from when, why and on whose decision.</summary>
public sealed class MemberStatusChange : IMemberRecord
{
    public const int MaxReasonLength = 500;
    public const int MaxDecidedByLength = 100;

    public MemberStatusChange(
        Guid id, MemberId memberId, MemberStatus from, MemberStatus to, DateOnly effectiveOn, string reason, string decidedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        MemberId = memberId;
        From = from;
        To = to;
        EffectiveOn = effectiveOn;
        Reason = reason;
        DecidedBy = decidedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public MemberId MemberId { get; private set; }

    public MemberStatus From { get; private set; }

    public MemberStatus To { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public string Reason { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// The legal moves on the roll. A probationary member becomes full (转正), may transfer out of the
/// town or die; advice to withdraw (劝退) comes to full members only, and ends in withdrawal, removal
/// from the roll (if the member refuses) or death. Leaving the roll is final.
/// </summary>
public static class MemberStatusTransitions
{
    private static readonly Dictionary<MemberStatus, MemberStatus[]> Allowed = new()
    {
        [MemberStatus.Probationary] = [MemberStatus.Full, MemberStatus.TransferredOut, MemberStatus.Deceased],
        [MemberStatus.Full] = [MemberStatus.TransferredOut, MemberStatus.WithdrawalAdvised, MemberStatus.RemovedFromRoll, MemberStatus.Deceased],
        [MemberStatus.WithdrawalAdvised] = [MemberStatus.Withdrawn, MemberStatus.RemovedFromRoll, MemberStatus.Deceased],
    };

    public static bool IsAllowed(MemberStatus from, MemberStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyList<MemberStatus> From(MemberStatus from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];

    public static string Label(MemberStatus status) => status switch
    {
        MemberStatus.Probationary => "预备党员",
        MemberStatus.Full => "正式党员",
        MemberStatus.TransferredOut => "已转出",
        MemberStatus.WithdrawalAdvised => "已劝退",
        MemberStatus.Withdrawn => "已退党",
        MemberStatus.RemovedFromRoll => "已除名",
        _ => "已去世",
    };
}
