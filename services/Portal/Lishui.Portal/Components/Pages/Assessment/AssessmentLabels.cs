namespace Lishui.Portal.Components.Pages.Assessment;

/// <summary>Assessment's codes as a secretary reads them.</summary>
public static class AssessmentLabels
{
    public static string SubjectType(string code) => code switch
    {
        "Member" => "党员",
        "Household" => "家庭",
        "EconomicCooperative" => "经济社",
        "Village" => "村",
        _ => "其他",
    };

    public static string Topic(string code) => code switch
    {
        "MemberPoints" => "党员量化积分考核",
        "FiveGoodHousehold" => "五好文明户评选",
        "SafetyProduction" => "安全生产",
        "EnvironmentalRemediation" => "环境整治",
        _ => "其他考核",
    };

    /// <summary>A 403/401 from the service, in words: the service decided, the portal only says so.</summary>
    public const string Refused = "您无权查看这项考核（只能查看本组织及下级组织的考核），或登录已过期，请重新登录。";
}
