using System.Globalization;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Assessment.Features;

/// <summary>
/// Query-string values of the lists (notices, objections, schemes, ledger, imported results, statistics), bound as text and read here: a malformed value
/// then gets a Chinese 400 naming its field, where the framework's own binding failure is an English
/// "Bad Request", and an out-of-range page is refused rather than silently clamped.
/// </summary>
public sealed class QueryValues
{
    private readonly List<FieldError> errors = [];

    public int? Int(string field, string? raw, int min, int max, string zh)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new FieldError(field, "query.out-of-range", $"{zh}应为 {min} 至 {max} 之间的整数。", $"{field} must be a whole number from {min} to {max}."));
        return null;
    }

    public Guid? Id(string field, string? raw, string zh)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Guid.TryParse(raw, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, "query.id-malformed", $"{zh}格式有误。", $"{field} is not a valid id."));
        return null;
    }

    /// <summary>One of <paramref name="allowed"/>; the message lists them so the caller can correct the request.</summary>
    public T? OneOf<T>(string field, string? raw, Func<string, T?> parse, IEnumerable<string> allowed, string zh)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (parse(raw.Trim()) is { } value)
        {
            return value;
        }

        var list = string.Join("、", allowed);
        errors.Add(new FieldError(field, "query.wrong-value", $"{zh}应为 {list} 之一。", $"{field} must be one of {string.Join(", ", allowed)}."));
        return null;
    }

    public (int Page, int Size, int Skip) Paging(string? page, string? pageSize) =>
        Lishui.Shared.Web.Paging.Normalise(
            Int("page", page, 1, 1_000_000, "页码"),
            Int("pageSize", pageSize, 1, Lishui.Shared.Web.Paging.MaxSize, "每页条数"));

    /// <summary>The 400 listing every malformed value; null when all were well formed.</summary>
    public ProblemHttpResult? Problem() => errors.Count == 0 ? null : Problems.Result(Problems.Validation(errors));
}
