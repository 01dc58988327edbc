using Microsoft.Extensions.Caching.Memory;

namespace Lishui.Portal.Clients;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public sealed record Satisfaction(decimal? Average, int Count);

public sealed record ProjectSummary(
    Guid Id, string Title, string Level, string LevelText, string Batch, string Domain, string DomainText, string? Village,
    string ResponsibleCadre, string Location, DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget, string FundingSource, decimal Granted,
    string Status, string StatusText, int Progress, int RolledUpProgress, Guid? ParentId, Satisfaction Satisfaction);

public sealed record Milestone(string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record TimelineEntry(DateOnly On, string Kind, string Text);

public sealed record ChildProject(Guid Id, string Title, string? Village, string Status, int Progress, int Weight);

public sealed record Grant(decimal Amount, string FundingSource, DateOnly GrantedOn);

/// <summary>党群共建专项资金 in one year: what the town set aside, what grants drew, what is left.</summary>
public sealed record SpecialFund(int Year, string Name, decimal Budget, decimal Drawn, decimal Balance);

/// <summary>An opinion collection (征求意见) on the project, as counts.</summary>
public sealed record Consultation(
    string Subject, string EconomicCooperative, int AffectedHouseholds, int Agree, int Disagree, int Abstain, int NotVisited, decimal AgreeShare,
    int ThresholdPercent, bool Completed, bool Passed);

public sealed record ProjectDetail(
    ProjectSummary Project, IReadOnlyList<Milestone> Milestones, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<ChildProject> SubProjects,
    IReadOnlyList<Grant> Grants, IReadOnlyList<string> OriginRequestReferenceNumbers, IReadOnlyList<SpecialFund>? SpecialFunds = null,
    IReadOnlyList<Consultation>? Consultations = null);

public sealed record LinkedProject(Guid Id, string Title, string Status, string StatusText, int Progress);

/// <summary>One step of a request as the status page lists it; <c>Note</c> is the resident's reason for a reopening.</summary>
public sealed record RequestStep(string Status, string StatusText, DateOnly On, string? Note);

public sealed record RequestStatus(
    string ReferenceNumber, string Status, string StatusText, string Category, string CategoryText, DateOnly ReceivedOn, DateOnly? AcceptedOn,
    DateOnly? AnsweredOn, DateOnly? DecidedOn, string? Reply, string? MergedIntoReferenceNumber, LinkedProject? Project,
    IReadOnlyList<RequestStep>? History = null, bool CanReportNotSolved = false);

public sealed record EchoAnswer(string Text, string AnsweredBy, DateTimeOffset AnsweredAt);

public sealed record EchoPost(Guid Id, string Text, string Author, bool Anonymous, DateTimeOffset PostedAt, IReadOnlyList<EchoAnswer> Answers);

public sealed record Rating(Guid Id, int Score);

public sealed record ProjectFilter(string? Village, string? Level, string? Domain, string? Batch, int Page = 1)
{
    public string Query(int pageSize) =>
        $"pageSize={pageSize}&page={Page}" + Part("village", Village) + Part("level", Level) + Part("domain", Domain) + Part("batch", Batch);

    public string ExportQuery => string.Concat(Part("village", Village), Part("level", Level), Part("domain", Domain), Part("batch", Batch)).TrimStart('&');

    private static string Part(string name, string? value) => string.IsNullOrWhiteSpace(value) ? string.Empty : $"&{name}={Uri.EscapeDataString(value)}";
}

/// <summary>PracticalProjects' public endpoints: projects, request status, the echo wall, ratings and posts.</summary>
public sealed class ProjectsApi(HttpClient http, IMemoryCache cache)
{
    /// <summary>
    /// Every project, for the home page's village summary and the filters' choices: read by every visitor,
    /// changed a few times a day, so kept for half a minute.
    /// </summary>
    public Task<Page<ProjectSummary>?> AllProjectsAsync(CancellationToken ct) =>
        cache.ReadThroughAsync("projects:all", () => ProjectsAsync(new ProjectFilter(null, null, null, null), 200, ct));

    public Uri? BaseAddress => http.BaseAddress;

    public Task<Page<ProjectSummary>?> ProjectsAsync(ProjectFilter filter, int pageSize, CancellationToken ct) =>
        http.GetOrNullAsync<Page<ProjectSummary>>($"/public/projects?{filter.Query(pageSize)}", ct);

    public Task<ProjectDetail?> ProjectAsync(Guid id, CancellationToken ct) =>
        http.GetOrNullAsync<ProjectDetail>($"/public/projects/{id}", ct);

    public Task<RequestStatus?> RequestAsync(string referenceNumber, CancellationToken ct) =>
        http.GetOrNullAsync<RequestStatus>($"/public/requests/{Uri.EscapeDataString(referenceNumber)}", ct);

    /// <summary>"答复了但没解决": the resident reopens their request with a reason.</summary>
    public Task<ApiResult<RequestStatus>> ReportNotSolvedAsync(string referenceNumber, string? reason, string key, CancellationToken ct) =>
        http.PostOnceAsync<RequestStatus>($"/public/requests/{Uri.EscapeDataString(referenceNumber)}/not-solved", new { reason = reason ?? string.Empty }, key, ct);

    public Task<Page<EchoPost>?> EchoWallAsync(int page, int pageSize, CancellationToken ct) =>
        http.GetOrNullAsync<Page<EchoPost>>($"/public/echo-wall?page={page}&pageSize={pageSize}", ct);

    public Task<ApiResult<Rating>> RateAsync(Guid project, int? score, string? comment, string key, CancellationToken ct) =>
        http.PostOnceAsync<Rating>($"/projects/{project}/ratings", new { score, comment = Blank(comment) }, key, ct);

    public Task<ApiResult<EchoPostCreated>> PostAsync(string? text, string? displayName, string? contactName, string? contactPhone, string key, CancellationToken ct) =>
        http.PostOnceAsync<EchoPostCreated>("/echo-wall/posts",
            new { text, displayName = Blank(displayName), contactName = Blank(contactName), contactPhone = Blank(contactPhone) }, key, ct);

    /// <summary>An open-data file as the service serves it, for the portal to pass on unchanged.</summary>
    public Task<HttpResponseMessage> OpenDataAsync(string pathAndQuery, CancellationToken ct) =>
        http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, ct);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record EchoPostCreated(Guid Id);
