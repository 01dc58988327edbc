namespace Lishui.Portal.Components.Pages.Work;

/// <summary>A resident request's states and origins as cadres read them.</summary>
public static class RequestText
{
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        ("Received", "待受理"), ("Accepted", "已受理"), ("Reopened", "重新办理"), ("Answered", "已答复"), ("Merged", "已合并"), ("TurnedIntoProject", "已转为项目"),
    ];

    public static string Status(string code) => Statuses.FirstOrDefault(s => s.Code == code).Label ?? "其他";

    /// <summary>States in which the village still owes the resident a decision.</summary>
    public static bool Open(string code) => code is "Received" or "Accepted" or "Reopened";

    public static string Origin(string code) => code switch
    {
        "StationingVisit" => "驻点接访",
        "EchoWall" => "回音壁",
        _ => "干部登记",
    };

    public static string Category(string code) => Text.Domains.FirstOrDefault(d => d.Code == code).Label ?? "其他";
}
