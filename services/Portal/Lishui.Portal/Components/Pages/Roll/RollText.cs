using Lishui.Contracts.Membership;

namespace Lishui.Portal;

/// <summary>The roll's codes as a secretary reads them.</summary>
public static class RollText
{
    public static readonly IReadOnlyList<(MemberStatus Code, string Label)> Statuses =
    [
        (MemberStatus.Probationary, "预备党员"), (MemberStatus.Full, "正式党员"), (MemberStatus.TransferredOut, "已转出"),
        (MemberStatus.WithdrawalAdvised, "劝退中"), (MemberStatus.Withdrawn, "已退党"), (MemberStatus.RemovedFromRoll, "已除名"),
        (MemberStatus.Deceased, "已去世"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Cohorts = [("NewStar", "新星燎原"), ("SilverStar", "银星闪耀")];

    public static string Status(MemberStatus code) => Statuses.FirstOrDefault(s => s.Code == code).Label ?? "其他";

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
