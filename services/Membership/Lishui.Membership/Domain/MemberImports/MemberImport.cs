namespace Lishui.Membership.Domain.MemberImports;

public enum MemberImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

public enum MemberImportMode
{
    /// <summary>Any invalid row and nothing is imported (the default).</summary>
    AllOrNothing,

    /// <summary>The valid rows are imported, the invalid ones reported.</summary>
    Partial,
}

/// <summary>One problem of one row: the spreadsheet row number (the header is row 1), its column and a Chinese message.</summary>
public sealed record ImportRowError(int Row, string Column, string Code, string Message, string MessageEn);

/// <summary>
/// A roll import from CSV running in the background. The file waits here sealed (AES-GCM, like every
/// ID number) until the import has run, then it is dropped: no clear personal data rests in the database.
/// </summary>
public sealed class MemberImport
{
    public Guid Id { get; init; }

    public MemberImportMode Mode { get; init; }

    public MemberImportStatus Status { get; set; }

    /// <summary>UTF-8 or GBK, as detected.</summary>
    public required string Encoding { get; init; }

    public byte[]? PayloadCipher { get; set; }

    public int RowsTotal { get; init; }

    public int RowsProcessed { get; set; }

    public int Imported { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The row errors as JSON (<see cref="ImportRowError"/>[]), at most <see cref="MaxStoredErrors"/>.</summary>
    public string Errors { get; set; } = "[]";

    public string? RequestedBy { get; init; }

    /// <summary>
    /// The organisation the roll is imported into: every row must name it or one below it. Null for a
    /// town-wide import (town administrators only).
    /// </summary>
    public Guid? OrganisationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Moved on while the import runs; a Running import whose heartbeat stopped is taken up again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public const int MaxStoredErrors = 5000;
}
