namespace Lishui.Contracts.Public;

/// <summary>A Party Building Tuesday study session (第一议题) was held; attendance as totals only.</summary>
[PublicEvent("cn.gov.lishui.pairing.study-session-held.v1", DataClassification.Public, "/lishui/pairing",
    Summary = "A Party Building Tuesday study session was held (attendance totals).",
    SummaryZh = "党建星期二第一议题学习已举行（出勤汇总）。")]
public sealed record StudySessionHeldV1
{
    public required Guid SessionId { get; init; }

    /// <summary>The organ branch.</summary>
    public required Guid OrganisationId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Present { get; init; }

    public required int Excused { get; init; }

    public required int Absent { get; init; }
}
