using Lishui.Portal.Clients;

namespace Lishui.Portal.Components.Pages.Work;

/// <summary>征求意见 as the secretary and the households read it.</summary>
public static class OpinionText
{
    public static readonly IReadOnlyList<(string Code, string Label)> Positions = [("Agree", "同意"), ("Disagree", "不同意"), ("Abstain", "弃权")];

    public static string Position(string? code) => Positions.FirstOrDefault(p => p.Code == code).Label ?? "未走访";

    /// <summary>How many more households must agree to reach the threshold (0 once reached).</summary>
    public static int StillNeeded(OpinionCollectionView c) =>
        Math.Max(0, (int)Math.Ceiling(c.ThresholdPercent * c.AffectedHouseholds / 100m) - c.Result.Agree);

    public static string State(OpinionCollectionView c) =>
        c.Completed ? (c.Result.Passed ? "已通过" : "未通过") : "征求中";

    public static string Share(decimal share) => share.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
