using Lishui.Pairing.Domain;

namespace Lishui.Pairing.Web;

/// <summary>One line of a meeting's attendance sheet: a study session's or a party–mass group discussion's.</summary>
public sealed record AttendanceRequest(Guid MemberId, AttendanceStatus Status, string? Reason);
