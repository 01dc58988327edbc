using Lishui.Pairing.Domain;

namespace Lishui.Pairing.Features;

public static class PairingClock
{
    /// <summary>The town's "today" (Asia/Shanghai, UTC+8).</summary>
    public static DateOnly Today(this TimeProvider time) => TownCalendar.DateOf(time.GetUtcNow());
}
