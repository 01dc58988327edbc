namespace Lishui.Shared.Web;

/// <summary>The response a creating request gave, kept so a retry with the same key gets it again.</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public int StatusCode { get; init; }

    public string? Location { get; init; }

    public required string ResponseBody { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
