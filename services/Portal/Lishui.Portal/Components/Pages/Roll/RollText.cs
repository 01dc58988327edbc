namespace Lishui.Portal;

/// <summary>The roll's codes as a secretary reads them.</summary>
public static class RollText
{
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        ("Probationary", "预备党员"), ("Full", "正式党员"), ("TransferredOut", "已转出"), ("WithdrawalAdvised", "劝退中"),
        ("Withdrawn", "已退党"), ("RemovedFromRoll", "已除名"), ("Deceased", "已去世"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Cohorts = [("NewStar", "新星燎原"), ("SilverStar", "银星闪耀")];

    public static string Status(string code) => Statuses.FirstOrDefault(s => s.Code == code).Label ?? "其他";

    public static string Cohort(string code) => Cohorts.FirstOrDefault(s => s.Code == code).Label ?? "其他";

    public static string Gender(string code) => code == "Male" ? "男" : code == "Female" ? "女" : "—";

    public static string Role(string code) => code switch
    {
        "Secretary" => "书记",
        "DeputySecretary" => "副书记",
        "CommitteeMember" => "委员",
        "GroupLeader" => "组长",
        "StationedLeader" => "驻点领导",
        "Member" => "党员",
        _ => "其他",
    };
}
