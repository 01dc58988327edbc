namespace Lishui.Portal.Components.Pages.Town;

/// <summary>Notification's codes as the town's staff read them.</summary>
public static class TownLabels
{
    public static readonly IReadOnlyList<(string Code, string Label)> Outcomes =
    [
        ("Delivered", "已送达"), ("Sent", "已发出"), ("Failed", "失败"), ("Skipped", "未发（无联系方式）"), ("FellBackToInbox", "改投站内消息"),
        ("Parked", "暂存待处理"), ("Deferred", "延后（免打扰时段）"), ("Combined", "已合并"), ("Expanded", "已分发"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Clearances =
        [("Public", "公开"), ("Internal", "内部"), ("Confidential", "敏感"), ("Restricted", "受限")];

    public static string Outcome(string code) => Outcomes.FirstOrDefault(o => o.Code == code).Label ?? "其他";

    // The catalogue writes classifications in lower case (public), the registry's enum as named (Public).
    public static string Clearance(string code) => Clearances.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase)).Label ?? "其他";

    public static string Channel(string? code) => code switch
    {
        "Inbox" => "站内消息",
        "Email" => "电子邮件",
        "Sms" => "短信",
        "InstantMessage" => "即时消息",
        _ => "—",
    };

    public static string Kind(string code) => code switch
    {
        "Welcome" => "入党欢迎",
        "StudySessionReminder" => "学习提醒",
        "StationingVisitReminder" => "驻点提醒",
        "ContactOverdue" => "联系超期",
        "ContactOverdueSecretary" => "联系超期（书记）",
        "AssessmentNoticePublished" => "考核公示",
        "ObjectionFiled" => "收到异议",
        "OrganisationalTalkRequired" => "组织谈话",
        "OrganisationalTalkRequiredSecretary" => "组织谈话（书记）",
        "WithdrawalAdviceCaseOpened" => "劝退处理",
        "ResidentRequestAnswered" => "诉求答复",
        "ResidentRequestTurnedIntoProject" => "诉求转为项目",
        "ProjectOverdue" => "项目逾期",
        _ => "其他消息",
    };

    public static string ReplayStatus(string code) => code switch
    {
        "Pending" => "排队中",
        "Running" => "进行中",
        "Completed" => "已完成",
        "Failed" => "失败",
        _ => "—",
    };

    public static string SubscriberStatus(string code) => code == "Active" ? "正常" : "已暂停";

    public const string Refused = "只有镇党委管理员可以使用此页面；登录可能已过期，请重新登录。";
}
