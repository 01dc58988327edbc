using System.Net;
using System.Net.Http.Json;

namespace Lishui.Portal.Clients;

/// <summary>A member on the roll as Membership shows them: ID number, phone and e-mail already masked by the service.</summary>
public sealed record RollMember(
    Guid Id, string Name, string Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn, Guid OrganisationId, string Status,
    long Version, DateOnly StatusSince, bool OnRoll, DateOnly OrganisationSince, IReadOnlyList<string> Cohorts, IReadOnlyList<string> Roles,
    string? IdNumber, string? Phone, string? Email);

public sealed record RollStatusChange(Guid Id, Guid MemberId, string PreviousStatus, string Status, DateOnly EffectiveOn, string Reason, string DecidedBy, DateTimeOffset RecordedAt);

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
