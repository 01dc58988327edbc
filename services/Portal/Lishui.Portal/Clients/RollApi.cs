using System.Net;
using System.Net.Http.Json;
using Lishui.Contracts.Membership;

namespace Lishui.Portal.Clients;

/// <summary>A member on the roll as Membership shows them: ID number, phone and e-mail already masked by the service.</summary>
public sealed record RollMember(
    Guid Id, string Name, string Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn, Guid OrganisationId, MemberStatus Status,
    long Version, DateOnly StatusSince, bool OnRoll, DateOnly OrganisationSince, IReadOnlyList<string> Cohorts, IReadOnlyList<string> Roles,
    string? IdNumber, string? Phone, string? Email);

public sealed record RollStatusChange(Guid Id, Guid MemberId, MemberStatus PreviousStatus, MemberStatus Status, DateOnly EffectiveOn, string Reason, string DecidedBy, DateTimeOffset RecordedAt);

public sealed record RollTransfer(Guid Id, Guid MemberId, Guid FromOrganisationId, Guid ToOrganisationId, DateOnly EffectiveOn, string Reason, string? DecidedBy, DateTimeOffset RecordedAt);

public sealed record RollContact(Guid MemberId, string? IdNumber, string? Phone, string? Email);

public sealed record OrganisationNode(
    Guid Id, string Name, string Kind, string KindLabel, string? Sector, string SectorLabel, string? EconomicCooperative, bool Closed,
    IReadOnlyList<OrganisationNode> Children)
{
    /// <summary>This organisation and every one below it, depth first, with how deep each lies.</summary>
    public IEnumerable<(OrganisationNode Node, int Depth)> Flatten(int depth = 0) =>
        Children.SelectMany(c => c.Flatten(depth + 1)).Prepend((this, depth));
}

public sealed record OrganisationSummary(Guid Id, string Name, string Kind, string KindLabel, Guid? ParentId, int Depth, bool Closed, long Version);

public sealed record ImportRowError(int Row, string Column, string Code, string Message);

public sealed record RollImport(
    Guid Id, string Status, string Mode, string Encoding, int RowsTotal, int RowsProcessed, int Imported, int ErrorCount,
    IReadOnlyList<ImportRowError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, Guid? OrganisationId)
{
    public bool Running => Status is "Queued" or "Running";

    public int Percent => RowsTotal == 0 ? (Running ? 0 : 100) : (int)(100L * RowsProcessed / RowsTotal);
}

/// <summary>A read of the roll: the value, or the status and problem the service answered instead (403, 404, 400 with its fields).</summary>
public sealed record RollRead<T>(T? Value, HttpStatusCode Status, ApiProblem? Problem)
    where T : class
{
    public bool Refused => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}

/// <summary>What the roll screens ask for: the same filters as Membership's GET /members.</summary>
public sealed record RollQuery(Guid OrganisationId, string? Name, string? Status, string? Cohort, int? JoinedYear, int Page)
{
    public string ToQueryString(bool withPage = true) =>
        $"organisationId={OrganisationId}&includeDescendants=true"
        + (string.IsNullOrWhiteSpace(Name) ? "" : $"&name={Uri.EscapeDataString(Name.Trim())}")
        + (string.IsNullOrWhiteSpace(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}")
        + (string.IsNullOrWhiteSpace(Cohort) ? "" : $"&cohort={Uri.EscapeDataString(Cohort)}")
        + (JoinedYear is { } y ? $"&joinedYear={y}" : "")
        + (withPage ? $"&page={Page}&pageSize=20" : "");
}

/// <summary>
/// Membership's roll as the signed-in secretary or town administrator, with their own token: the service
/// decides which organisations they may read, and masks personal data itself.
/// </summary>
public sealed class MyMembershipApi(HttpClient http)
{
    public Task<RollRead<Page<RollMember>>> MembersAsync(RollQuery query, CancellationToken ct) =>
        ReadAsync<Page<RollMember>>($"/members?{query.ToQueryString()}", ct);

    public Task<RollRead<RollMember>> MemberAsync(Guid id, CancellationToken ct) => ReadAsync<RollMember>($"/members/{id}", ct);

    public Task<RollRead<List<RollStatusChange>>> StatusChangesAsync(Guid id, CancellationToken ct) =>
        ReadAsync<List<RollStatusChange>>($"/members/{id}/status-changes", ct);

    public Task<RollRead<List<RollTransfer>>> TransfersAsync(Guid id, CancellationToken ct) =>
        ReadAsync<List<RollTransfer>>($"/members/{id}/transfers", ct);

    /// <summary>The tree below <paramref name="rootId"/> (a secretary must name their own organisation), or the whole town.</summary>
    public Task<RollRead<OrganisationNode>> TreeAsync(Guid? rootId, CancellationToken ct) =>
        ReadAsync<OrganisationNode>("/organisations/tree" + (rootId is { } r ? $"?rootId={r}" : ""), ct);

    public Task<RollRead<RollImport>> ImportAsync(Guid id, CancellationToken ct) => ReadAsync<RollImport>($"/member-imports/{id}", ct);

    /// <summary>Starts an import of <paramref name="csv"/> into an organisation; the same key twice starts it once.</summary>
    public async Task<ApiResult<RollImport>> StartImportAsync(Guid organisationId, bool partial, byte[] csv, string fileName, string idempotencyKey, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/member-imports?organisationId={organisationId}&mode={(partial ? "partial" : "all")}") { Content = form };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<RollImport>(null, ApiProblem.Unavailable);
        }

        using (response)
        {
            return response.IsSuccessStatusCode
                ? new ApiResult<RollImport>(await response.Content.ReadFromJsonAsync<RollImport>(ServiceCalls.Json, ct), null)
                : new ApiResult<RollImport>(null, await ServiceCalls.ProblemAsync(response, ct));
        }
    }

    /// <summary>The masked CSV export as Membership writes it, to be passed through unread.</summary>
    public Task<HttpResponseMessage> ExportAsync(RollQuery query, CancellationToken ct) =>
        http.GetAsync($"/members/export.csv?{query.ToQueryString(withPage: false)}", HttpCompletionOption.ResponseHeadersRead, ct);

    public Task<ApiResult<OrganisationSummary>> CreateOrganisationAsync(object organisation, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<OrganisationSummary>("/organisations", organisation, idempotencyKey, ct);

    public Task<ApiResult<OrganisationSummary>> RenameOrganisationAsync(Guid id, string? name, CancellationToken ct) =>
        SendAsync<OrganisationSummary>(HttpMethod.Put, $"/organisations/{id}/name", new { name }, ct);

    public Task<ApiResult<OrganisationSummary>> MoveOrganisationAsync(Guid id, Guid? parentId, CancellationToken ct) =>
        SendAsync<OrganisationSummary>(HttpMethod.Post, $"/organisations/{id}/move", new { parentId }, ct);

    /// <summary>The clear contact, read with a stated purpose; Membership logs the read before it answers.</summary>
    public async Task<ApiResult<RollContact>> ContactAsync(Guid id, string? purpose, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"/members/{id}/contact?purpose={Uri.EscapeDataString(purpose ?? "")}", ct);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<RollContact>(null, ApiProblem.Unavailable);
        }

        using (response)
        {
            return response.IsSuccessStatusCode
                ? new ApiResult<RollContact>(await response.Content.ReadFromJsonAsync<RollContact>(ServiceCalls.Json, ct), null)
                : new ApiResult<RollContact>(null, await ServiceCalls.ProblemAsync(response, ct));
        }
    }

    /// <summary>A change that is the same however often it is sent (a rename, a move): no key needed.</summary>
    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string url, object body, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ServiceCalls.Json) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<T>(null, ApiProblem.Unavailable);
        }

        using (response)
        {
            return response.IsSuccessStatusCode
                ? new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(ServiceCalls.Json, ct), null)
                : new ApiResult<T>(null, await ServiceCalls.ProblemAsync(response, ct));
        }
    }

    /// <summary>Like <see cref="Me.ReadAsAsync{T}"/>, but a refusal, an absence or a rejected filter is an answer with its problem.</summary>
    private async Task<RollRead<T>> ReadAsync<T>(string url, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            return new RollRead<T>(null, response.StatusCode, await ServiceCalls.ProblemAsync(response, ct));
        }

        response.EnsureSuccessStatusCode();
        return new RollRead<T>(await response.Content.ReadFromJsonAsync<T>(ServiceCalls.Json, ct), response.StatusCode, null);
    }
}

public static class RollCalls
{
    /// <summary>A roll read whose service cannot answer is null (the page says so), not an error page.</summary>
    public static async Task<RollRead<T>?> OrNothingAsync<T>(Task<RollRead<T>> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
