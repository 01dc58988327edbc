using Lishui.Assessment.Domain;

namespace Lishui.Assessment.Features.Objections;

public sealed record ObjectionResponse(
    Guid Id, Guid NoticeId, string? Concerning, string Text, bool Anonymous, DateTimeOffset FiledAt,
    string? Answer, bool? Upheld, DateTimeOffset? AnsweredAt, Guid? CorrectionEntryId)
{
    /// <summary>Never echoes the filer's name or contact: the response may be seen by others than the filer.</summary>
    public static ObjectionResponse From(Objection o) =>
        new(o.Id, o.NoticeId, o.Concerning, o.Text, o.FiledBy is null, o.FiledAt, o.Answer, o.Upheld, o.AnsweredAt, o.CorrectionEntryId);
}
