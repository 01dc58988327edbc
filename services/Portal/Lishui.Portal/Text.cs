using System.Globalization;

namespace Lishui.Portal;

/// <summary>Dates, money and states as a Chinese reader expects them.</summary>
public static class Text
{
    private static readonly TimeZoneInfo Lishui = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "—";

    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Lishui).DateTime));

    public static string Weekday(DateOnly d) => "星期" + "日一二三四五六"[(int)d.DayOfWeek];

    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Lishui).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Yuan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元";

    public static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Lishui).DateTime);

    /// <summary>The published grade text; the code only if a service sent no label.</summary>
    public static string Grade(string code, string? label) => label ?? code switch
    {
        "Excellent" => "优秀",
        "Qualified" => "合格",
        "BasicallyQualified" => "基本合格",
        "Unqualified" => "不合格",
        _ => code,
    };

    public static readonly IReadOnlyList<(string Code, string Label)> Levels = [("Town", "镇级"), ("Village", "村级")];

    public static readonly IReadOnlyList<(string Code, string Label)> Domains =
    [
        ("Education", "教育"), ("HealthCare", "医疗"), ("Housing", "住房"), ("EnvironmentalProtection", "环保"),
        ("PublicSecurity", "社会治安"), ("RuralRevitalisation", "乡村振兴"), ("Other", "其他"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> NoticeStates = [("open", "公示中"), ("closed", "公示期满"), ("final", "已确认")];

    /// <summary>The five assessment dimensions of the points scheme (考评维度), as members read them.</summary>
    public static string Dimension(string code) => code switch
    {
        "daily-conduct" => "日常行为规范",
        "village-work" => "配合村组开展工作",
        "organisational-life" => "参加组织生活",
        "volunteer-service" => "党员志愿服务",
        "visiting-residents" => "走访联系群众",
        _ => "其他",
    };

    /// <summary>How paired members were in contact.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> ContactChannels = [("Visit", "走访"), ("Phone", "电话"), ("Meeting", "会面")];

    public static string ContactChannel(string code) => ContactChannels.FirstOrDefault(c => c.Code == code).Label ?? "其他";
}
