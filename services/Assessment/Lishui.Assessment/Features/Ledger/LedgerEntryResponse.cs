using Lishui.Assessment.Domain;

namespace Lishui.Assessment.Features.Ledger;

public sealed record LedgerEntryResponse(
    Guid Id,
    Guid SchemeId,
    Guid SubjectId,
    string Dimension,
    decimal Points,
    EntrySource Source,
    string Reason,
    string? EnteredBy,
    string? Evidence,
    string? RuleCode,
    Guid? SourceEventId,
    Guid? ReversesEntryId,
    DateTimeOffset RecordedAt)
{
    public static LedgerEntryResponse From(LedgerEntry e) =>
        new(e.Id, e.SchemeId, e.SubjectId, e.Dimension, e.Points, e.Source, e.Reason, e.EnteredBy, e.Evidence, e.RuleCode, e.SourceEventId, e.ReversesEntryId, e.RecordedAt);
}
