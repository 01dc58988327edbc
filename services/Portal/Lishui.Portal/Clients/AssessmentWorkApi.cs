namespace Lishui.Portal.Clients;

public sealed record Scheme(
    Guid Id, Guid OrganisationId, int Year, string SubjectType, string Topic, decimal Total, IReadOnlyList<Dimension> Dimensions, int Revision, bool Closed);

public sealed record Standing(Guid SubjectId, string Name, IReadOnlyDictionary<string, decimal> Scores, decimal Total, string Grade, long Rank);

public sealed record RollEntry(Guid SubjectId, string Name);

public sealed record ClosedYear(Guid Id, Guid SchemeId, int Year, DateTimeOffset PublishedAt, DateOnly WindowOpensOn, DateOnly WindowClosesOn, int SubjectCount);

public sealed record ObjectionToAnswer(
    Guid Id, string? Concerning, string Text, string? Contact, DateTimeOffset FiledAt, DateOnly AnswerBy,
    bool Answered, string? Answer, bool? Upheld, string? AnsweredBy, DateTimeOffset? AnsweredAt);

public sealed record AnsweredObjection(Guid Id, string? Answer, bool? Upheld);

public sealed record Finalised(Guid NoticeId, DateTimeOffset FinalisedAt, int Commended, int TalksRequired, int UnqualifiedConsecutively);

/// <summary>
/// Assessment as a secretary or the town runs it, with the signed-in person's own token: the service
/// scopes every call to the organisations the person may see.
/// </summary>
public sealed class AssessmentWorkApi(HttpClient http)
{
    public Task<MyRead<Page<Scheme>>> SchemesAsync(Guid? organisationId, int? year, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<Scheme>>($"/schemes?page={page}&pageSize=20"
            + (organisationId is { } o ? $"&organisationId={o}" : "") + (year is { } y ? $"&year={y}" : ""), ct);

    public Task<MyRead<Scheme>> SchemeAsync(Guid id, CancellationToken ct) => http.ReadOrMissingAsync<Scheme>($"/schemes/{id}", ct);

    public Task<MyRead<Page<Standing>>> StandingsAsync(Guid scheme, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<Standing>>($"/schemes/{scheme}/standings?page={page}&pageSize=50", ct);

    public Task<MyRead<Page<RollEntry>>> RollAsync(Guid organisationId, string subjectType, CancellationToken ct) =>
        http.ReadAsAsync<Page<RollEntry>>($"/organisations/{organisationId}/roll?subjectType={subjectType}&pageSize=200", ct);

    public Task<ApiResult<LedgerEntry>> AddEntryAsync(Guid scheme, object entry, string key, CancellationToken ct) =>
        http.PostOnceAsync<LedgerEntry>($"/schemes/{scheme}/ledger-entries", entry, key, ct);

    public Task<ApiResult<ClosedYear>> CloseAsync(Guid scheme, int workingDays, string key, CancellationToken ct) =>
        http.PostOnceAsync<ClosedYear>($"/schemes/{scheme}/close", new { publicationWorkingDays = workingDays }, key, ct);

    public Task<MyRead<Page<ObjectionToAnswer>>> ObjectionsAsync(Guid notice, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<ObjectionToAnswer>>($"/notices/{notice}/objections?page={page}&pageSize=20", ct);

    public Task<ApiResult<AnsweredObjection>> AnswerAsync(Guid notice, Guid objection, object answer, string key, CancellationToken ct) =>
        http.PostOnceAsync<AnsweredObjection>($"/notices/{notice}/objections/{objection}/answer", answer, key, ct);

    public Task<ApiResult<Finalised>> FinaliseAsync(Guid notice, string key, CancellationToken ct) =>
        http.PostOnceAsync<Finalised>($"/notices/{notice}/finalise", new { }, key, ct);
}
