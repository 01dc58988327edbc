using MassTransit;

namespace Lishui.Contracts.Assessment;

/// <summary>Someone filed an objection to a public notice; the secretary must answer it. The text and the filer stay with Assessment. Aggregate: the notice.</summary>
[MessageUrn("lishui:assessment:objection-filed:v1")]
public sealed record ObjectionFiled : IntegrationEvent
{
    public required Guid NoticeId { get; init; }

    public required Guid ObjectionId { get; init; }

    public required Guid SchemeId { get; init; }

    /// <summary>The member the objection concerns, when it names one.</summary>
    public required Guid? MemberId { get; init; }

    public required DateOnly AnswerBy { get; init; }
}
