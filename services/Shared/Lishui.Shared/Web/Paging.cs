namespace Lishui.Shared.Web;

/// <summary>A page of a list: 1-based page number, size capped so no client can ask for everything at once.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    public static (int Page, int Size, int Skip) Normalise(int? page, int? pageSize)
    {
        var p = Math.Max(1, page ?? 1);
        var s = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        return (p, s, (p - 1) * s);
    }
}
