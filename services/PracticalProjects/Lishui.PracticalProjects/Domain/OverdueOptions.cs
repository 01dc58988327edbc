namespace Lishui.PracticalProjects.Domain;

/// <summary>Settings of the overdue check (section <c>Projects:Overdue</c>); the village statistics count overdue requests by the same limits.</summary>
public sealed class OverdueOptions
{
    /// <summary>How often the check runs; daily is what the town needs, tests and operators may shorten it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public bool Enabled { get; set; } = true;

    /// <summary>A request unanswered this many days after receipt is overdue, and again every as many days.</summary>
    public int RequestAnswerDays { get; set; } = 15;

    /// <summary>A project past its planned end is reported again every this many days.</summary>
    public int ProjectPeriodDays { get; set; } = 30;
}
