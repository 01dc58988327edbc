using System.Net;
using System.Security.Cryptography;
using System.Text;
using Lishui.Contracts.Membership;

namespace Lishui.Portal.Clients;

public sealed record OpinionTally(int Affected, int Agree, int Disagree, int Abstain, int NotVisited, decimal AgreeShare, bool Passed);

/// <summary>征求意见 as the secretary works on it: the cooperative, the threshold and the live tally.</summary>
public sealed record OpinionCollectionView(
    Guid Id, string Subject, Guid OrganisationId, string EconomicCooperative, Guid? ProjectId, int AffectedHouseholds, int ThresholdPercent,
    bool Completed, OpinionTally Result, long Version);

public sealed record RegisteredHousehold(Guid HouseholdId, Guid OrganisationId, string EconomicCooperative, string HeadName, int MembersCount);

public sealed record HouseholdOpinion(
    Guid HouseholdId, string? HeadName, string Position, Guid VisitedBy, DateOnly VisitedOn, int Revision, bool Signed, string? SignedName,
    Guid? SignatureImageId, string? SignatureReference);

/// <summary>An answer the page does not read (it reloads the project instead).</summary>
public sealed record JsonElementBox;

public sealed record RosterMember(Guid MemberId, Guid OrganisationId, string Name, MemberStatus Status);

public sealed record RequestStepView(string From, string To, string DecidedBy, DateTimeOffset RecordedAt, string? Note);

public sealed record ProjectGrantView(Guid Id, decimal Amount, string FundingSource, DateOnly GrantedOn, string GrantedBy, string? OverrideReason);

public sealed record ProjectMilestoneView(Guid Id, string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record ProjectStatusChangeView(string From, string To, DateOnly EffectiveOn, string? Reason, string DecidedBy);

public sealed record ProjectBatchView(int Year, int Number, string Name);

/// <summary>A project as its responsible organisation works on it.</summary>
public sealed record WorkProject(
    Guid Id, string Title, string Level, string Batch, string Domain, Guid ResponsibleOrganisationId, string ResponsibleCadre, string Location,
    DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget, string FundingSource, string Status, int Progress, long Version, string? Village,
    decimal Granted, IReadOnlyList<ProjectGrantView> Grants, IReadOnlyList<ProjectMilestoneView> Milestones, IReadOnlyList<ProjectStatusChangeView> Timeline,
    bool RequiresConsultation, IReadOnlyList<Guid>? OriginRequestIds = null);

/// <summary>A resident's request as the village's cadres see it (never with the requester's contact).</summary>
public sealed record ResidentRequestView(
    Guid Id, string ReferenceNumber, string Origin, Guid OrganisationId, string Subject, string Location, string Category, DateOnly ReceivedOn,
    string Status, string? Reply, DateOnly? AnsweredOn, Guid? MergedIntoRequestId, Guid? ProjectId, IReadOnlyList<RequestStepView> History, long Version);

/// <summary>
/// PracticalProjects as the signed-in secretary or town administrator, with their own token: opinion
/// collections and their households. A 404 comes back as <c>Refused = NotFound</c>, never an exception.
/// </summary>
public sealed class WorkProjectsApi(HttpClient http)
{
    public Task<MyRead<Page<OpinionCollectionView>>> CollectionsAsync(Guid? organisationId, bool? completed, int page, CancellationToken ct) =>
        ReadAsync<Page<OpinionCollectionView>>(
            $"/opinion-collections?page={page}&pageSize=20" + (organisationId is { } o ? $"&organisationId={o}" : "") + (completed is { } c ? $"&completed={(c ? "true" : "false")}" : ""), ct);

    public Task<MyRead<OpinionCollectionView>> CollectionAsync(Guid id, CancellationToken ct) => ReadAsync<OpinionCollectionView>($"/opinion-collections/{id}", ct);

    public Task<MyRead<Page<RegisteredHousehold>>> HouseholdsAsync(Guid organisationId, int page, int pageSize, CancellationToken ct) =>
        ReadAsync<Page<RegisteredHousehold>>($"/household-register?organisationId={organisationId}&page={page}&pageSize={pageSize}", ct);

    /// <summary>Every household's current position (a cooperative has at most a few hundred), page by page.</summary>
    public async Task<MyRead<List<HouseholdOpinion>>> PositionsAsync(Guid collectionId, CancellationToken ct)
    {
        var all = new List<HouseholdOpinion>();
        for (var page = 1; ; page++)
        {
            var read = await ReadAsync<Page<HouseholdOpinion>>($"/opinion-collections/{collectionId}/positions?page={page}&pageSize=200", ct);
            if (read.Value is not { } part)
            {
                return new MyRead<List<HouseholdOpinion>>(null, read.Refused);
            }

            all.AddRange(part.Items);
            if (all.Count >= part.Total || part.Items.Count == 0)
            {
                return new MyRead<List<HouseholdOpinion>>(all, null);
            }
        }
    }

    public Task<MyRead<Page<RosterMember>>> MembersAsync(Guid organisationId, CancellationToken ct) =>
        ReadAsync<Page<RosterMember>>($"/local-members?organisationId={organisationId}&pageSize=200", ct);

    public Task<MyRead<Page<ResidentRequestView>>> RequestsAsync(Guid? organisationId, string? status, int page, int pageSize, CancellationToken ct) =>
        ReadAsync<Page<ResidentRequestView>>(
            $"/resident-requests?page={page}&pageSize={pageSize}" + (organisationId is { } o ? $"&organisationId={o}" : "") + (status is { Length: > 0 } s ? $"&status={s}" : ""), ct);

    public Task<MyRead<ResidentRequestView>> RequestAsync(Guid id, CancellationToken ct) => ReadAsync<ResidentRequestView>($"/resident-requests/{id}", ct);

    /// <summary>A step of a request: <c>acceptance</c>, <c>answer</c>, <c>merge</c> or <c>project</c>.</summary>
    public Task<ApiResult<ResidentRequestView>> RequestStepAsync(Guid id, string step, object body, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<ResidentRequestView>($"/resident-requests/{id}/{step}", body, idempotencyKey, ct);

    public Task<MyRead<Page<WorkProject>>> ProjectsAsync(Guid? organisationId, string? status, int page, CancellationToken ct) =>
        ProjectsAsync(organisationId, status, null, page, 20, ct);

    public Task<MyRead<Page<WorkProject>>> ProjectsAsync(Guid? organisationId, string? status, string? batch, int page, int pageSize, CancellationToken ct) =>
        ReadAsync<Page<WorkProject>>(
            $"/projects?page={page}&pageSize={pageSize}" + (organisationId is { } o ? $"&organisationId={o}" : "") + (status is { Length: > 0 } s ? $"&status={s}" : "")
            + (batch is { Length: > 0 } b ? $"&batch={Uri.EscapeDataString(b)}" : ""), ct);

    /// <summary>The announced batches (2026年第一批 …), newest first: what a project may be filed under.</summary>
    public Task<MyRead<Page<ProjectBatchView>>> BatchesAsync(CancellationToken ct) => ReadAsync<Page<ProjectBatchView>>("/public/batches?pageSize=50", ct);

    public Task<MyRead<WorkProject>> ProjectAsync(Guid id, CancellationToken ct) => ReadAsync<WorkProject>($"/projects/{id}", ct);

    public Task<MyRead<SpecialFund>> FundAsync(int year, CancellationToken ct) => ReadAsync<SpecialFund>($"/public/funds/{year}", ct);

    public Task<ApiResult<WorkProject>> ProposeAsync(object proposal, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<WorkProject>("/projects", proposal, idempotencyKey, ct);

    /// <summary>A step of a project: <c>status-changes</c>, <c>progress</c>, <c>grants</c>, <c>milestones</c> or <c>milestones/{id}/reached</c>.</summary>
    public Task<ApiResult<JsonElementBox>> ProjectStepAsync(Guid id, string step, object body, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<JsonElementBox>($"/projects/{id}/{step}", body, idempotencyKey, ct);

    public Task<ApiResult<OpinionCollectionView>> RecordPositionAsync(Guid collectionId, object position, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<OpinionCollectionView>($"/opinion-collections/{collectionId}/positions", position, idempotencyKey, ct);

    public Task<ApiResult<OpinionCollectionView>> CompleteAsync(Guid collectionId, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<OpinionCollectionView>($"/opinion-collections/{collectionId}/completion", new { }, idempotencyKey, ct);

    /// <summary>
    /// One key per row of one submitted form: a second click sends the same keys (nothing recorded twice),
    /// while a row changed after a refusal gets a new one.
    /// </summary>
    public static string RowKey(string formKey, Guid row, string body) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{formKey}|{row}|{body}")).AsSpan(0, 16)).ToString();

    private async Task<MyRead<T>> ReadAsync<T>(string url, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new MyRead<T>(null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        return new MyRead<T>(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, ServiceCalls.Json, ct), null);
    }
}
