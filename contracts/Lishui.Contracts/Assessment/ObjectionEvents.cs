using MassTransit;

namespace Lishui.Contracts.Assessment;

/// <summary>Someone filed an objection to a public notice; the secretary must answer it. Who filed it and how to reach them stay with Assessment. Aggregate: the notice.</summary>
[MessageUrn("lishui:assessment:objection-filed:v1")]
public sealed record ObjectionFiled : IntegrationEvent
{
    public required Guid NoticeId { get; init; }

    public required Guid ObjectionId { get; init; }

    public required Guid SchemeId { get; init; }

    /// <summary>The member the objection concerns, when it names one.</summary>
    public required Guid? MemberId { get; init; }

    public required DateOnly AnswerBy { get; init; }

    /// <summary>What the objection says, so the secretary's message carries it (absent from events filed before it was added).</summary>
    public string? Text { get; init; }
}
