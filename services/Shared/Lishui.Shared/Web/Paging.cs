namespace Lishui.Shared.Web;

/// <summary>A page of a list: 1-based page number, size capped so no client can ask for everything at once.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    /// <summary>
    /// The page asked for; a size above <see cref="MaxSize"/> is capped. A page or size below 1, or a
    /// page so far out that its offset overflows, is the client's mistake: a 400 naming the parameter.
    /// </summary>
    public static (int Page, int Size, int Skip) Normalise(int? page, int? pageSize)
    {
        var errors = new List<FieldError>();
        if (page < 1)
        {
            errors.Add(new FieldError("page", "page.out-of-range", "页码应从 1 开始。", "The page number starts at 1."));
        }

        if (pageSize < 1)
        {
            errors.Add(new FieldError("pageSize", "page-size.out-of-range", $"每页条数应在 1 至 {MaxSize} 之间。", $"The page size must be 1 to {MaxSize}."));
        }

        var p = page ?? 1;
        var s = Math.Min(pageSize ?? DefaultSize, MaxSize);
        if (errors.Count == 0 && (long)(p - 1) * s > int.MaxValue)
        {
            errors.Add(new FieldError("page", "page.out-of-range", "页码过大。", "The page number is too large."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (p, s, (p - 1) * s);
    }
}
