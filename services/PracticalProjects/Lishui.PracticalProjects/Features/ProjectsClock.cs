namespace Lishui.PracticalProjects.Features;

public static class ProjectsClock
{
    // China has one time zone and no daylight saving: the town's "today" is UTC+8.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
