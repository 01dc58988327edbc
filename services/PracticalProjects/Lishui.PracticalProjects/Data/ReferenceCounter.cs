namespace Lishui.PracticalProjects.Data;

/// <summary>The last reference number given out in a year (MS{year}-{last:00000}).</summary>
public sealed class ReferenceCounter
{
    public int Year { get; init; }

    public int Last { get; set; }
}
