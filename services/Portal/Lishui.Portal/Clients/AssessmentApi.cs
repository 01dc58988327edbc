using Microsoft.Extensions.Caching.Memory;

namespace Lishui.Portal.Clients;

public sealed record NoticeSummary(
    Guid Id, int Year, Guid OrganisationId, string? OrganisationName, string Topic, string TopicLabel, DateOnly WindowOpensOn, DateOnly WindowClosesOn,
    string State, string StateLabel, int SubjectCount, int ObjectionCount, int AnsweredObjectionCount);

public sealed record Dimension(string Code, string Name, decimal Max);

public sealed record NoticeResult(string Name, string Grade, string? GradeLabel, decimal Total, IReadOnlyDictionary<string, decimal> Scores);

public sealed record PublicNotice(
    Guid Id, int Year, string? OrganisationName, DateOnly WindowOpensOn, DateOnly WindowClosesOn, IReadOnlyList<Dimension> Dimensions,
    Page<NoticeResult> Results, string TopicLabel, string? State = null, string? StateLabel = null)
{
    public string Title => $"{OrganisationName}{Year}年度{TopicLabel}结果公示";
}

public sealed record PublicObjection(Guid Id, DateOnly FiledOn, string Gist, bool Answered, string? Answer, DateOnly? AnsweredOn, bool? Upheld)
{
    /// <summary>The short reference a resident writes down to find the answer again (the id's random tail).</summary>
    public string Reference => ShortReference.Of(Id);
}

public sealed record FiledObjection(Guid Id, DateTimeOffset FiledAt)
{
    public string Reference => ShortReference.Of(Id);
}

public static class ShortReference
{
    public static string Of(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();
}

public sealed record NoticeQuery(int? Year, Guid? OrganisationId, string? State, int Page = 1)
{
    public string Query(int pageSize) =>
        $"pageSize={pageSize}&page={Page}" + (Year is { } y ? $"&year={y}" : string.Empty) +
        (OrganisationId is { } o ? $"&organisationId={o}" : string.Empty) +
        (string.IsNullOrWhiteSpace(State) ? string.Empty : $"&state={Uri.EscapeDataString(State)}");
}

/// <summary>Assessment's public endpoints: the notices (公示), their results and objections.</summary>
public sealed class AssessmentApi(HttpClient http, IMemoryCache cache)
{
    /// <summary>Every notice, for the board's organisation choices; kept for half a minute like the project list.</summary>
    public Task<Page<NoticeSummary>?> AllNoticesAsync(CancellationToken ct) =>
        cache.ReadThroughAsync("notices:all", () => NoticesAsync(new NoticeQuery(null, null, null), 200, ct));

    public Uri? BaseAddress => http.BaseAddress;

    public Task<Page<NoticeSummary>?> NoticesAsync(NoticeQuery query, int pageSize, CancellationToken ct) =>
        http.GetOrNullAsync<Page<NoticeSummary>>($"/public/notices?{query.Query(pageSize)}", ct);

    public Task<PublicNotice?> NoticeAsync(Guid id, int page, int pageSize, CancellationToken ct) =>
        http.GetOrNullAsync<PublicNotice>($"/notices/{id}?page={page}&pageSize={pageSize}", ct);

    /// <summary>Every row of a notice, page by page (a print lists them all).</summary>
    public async Task<(PublicNotice Notice, List<NoticeResult> Rows)?> WholeNoticeAsync(Guid id, CancellationToken ct)
    {
        const int size = 200;
        if (await NoticeAsync(id, 1, size, ct) is not { } first)
        {
            return null;
        }

        var rows = first.Results.Items.ToList();
        for (var page = 2; page <= first.Results.Pages; page++)
        {
            rows.AddRange((await NoticeAsync(id, page, size, ct))?.Results.Items ?? []);
        }

        return (first, rows);
    }

    public Task<Page<PublicObjection>?> ObjectionsAsync(Guid notice, CancellationToken ct) =>
        http.GetOrNullAsync<Page<PublicObjection>>($"/public/notices/{notice}/objections?pageSize=200", ct);

    public Task<ApiResult<FiledObjection>> FileObjectionAsync(Guid notice, string? text, string? concerning, string? filedBy, string? contact, string key, CancellationToken ct) =>
        http.PostOnceAsync<FiledObjection>($"/notices/{notice}/objections",
            new { text, concerning = Blank(concerning), filedBy = Blank(filedBy), contact = Blank(contact) }, key, ct);

    /// <summary>An open-data file as the service serves it, for the portal to pass on unchanged.</summary>
    public Task<HttpResponseMessage> OpenDataAsync(string pathAndQuery, CancellationToken ct) =>
        http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, ct);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
