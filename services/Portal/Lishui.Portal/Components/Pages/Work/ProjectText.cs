namespace Lishui.Portal.Components.Pages.Work;

/// <summary>A project's states, levels and the steps a cadre takes, in Chinese.</summary>
public static class ProjectText
{
    /// <summary>What a grant from the special fund names as its source; grants from it draw on the year's fund.</summary>
    public const string SpecialFund = "党群共建专项资金";

    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        ("Proposed", "已提出"), ("Approved", "已立项"), ("InProgress", "实施中"), ("Completed", "已完成"), ("Evaluated", "已评价"), ("Suspended", "已暂停"), ("Cancelled", "已取消"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Levels = [("Village", "村级"), ("Town", "镇级")];

    public static string Status(string code) => Statuses.FirstOrDefault(s => s.Code == code).Label ?? "其他";

    public static string Level(string code) => Levels.FirstOrDefault(l => l.Code == code).Label ?? "其他";

    public static string Domain(string code) => Text.Domains.FirstOrDefault(d => d.Code == code).Label ?? "其他";

    /// <summary>The next step of the usual path (立项 → 开工 → 完成), with the button's words.</summary>
    public static (string To, string Label)? Next(string status) => status switch
    {
        "Proposed" => ("Approved", "立项"),
        "Approved" => ("InProgress", "开工"),
        "InProgress" => ("Completed", "完成"),
        _ => null,
    };

    /// <summary>
    /// The steps off the usual path: pausing or cancelling (each with a reason), and resuming a paused project to
    /// where it was (<paramref name="resumeTo"/>, the state it was paused from).
    /// </summary>
    public static IReadOnlyList<(string To, string Label)> Halts(string status, string? resumeTo) => status switch
    {
        "Proposed" => [("Cancelled", "取消项目")],
        "Approved" or "InProgress" => [("Suspended", "暂停项目"), ("Cancelled", "取消项目")],
        "Suspended" when resumeTo is not null => [(resumeTo, $"恢复项目（回到{Status(resumeTo)}）"), ("Cancelled", "取消项目")],
        "Suspended" => [("Cancelled", "取消项目")],
        _ => [],
    };

    /// <summary>Grants and milestones are taken until the project is evaluated or cancelled (a final payment may follow completion).</summary>
    public static bool Open(string status) => status is not ("Evaluated" or "Cancelled");
}
