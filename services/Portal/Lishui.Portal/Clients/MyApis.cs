using System.Net;
using System.Security.Claims;
using Lishui.Shared.Security;

namespace Lishui.Portal.Clients;

public sealed record LedgerEntry(Guid Id, Guid SchemeId, string Dimension, decimal Points, string Reason, DateTimeOffset RecordedAt);

public sealed record SubjectLedgerEntry(int Year, LedgerEntry Entry);

public sealed record UnreadCount(Guid MemberId, int Unread);

/// <summary>What a signed-in screen could read: the value, or that the service refused the person (401/403).</summary>
public sealed record MyRead<T>(T? Value, HttpStatusCode? Refused)
    where T : class;

/// <summary>The signed-in person's own points (Assessment), read with their own token.</summary>
public sealed class MyAssessmentApi(HttpClient http)
{
    public Task<MyRead<Page<SubjectLedgerEntry>>> LedgerAsync(Guid memberId, int year, CancellationToken ct) =>
        http.ReadAsAsync<Page<SubjectLedgerEntry>>($"/subjects/{memberId}/ledger?year={year}&pageSize=100", ct);
}

public sealed record InboxMessage(Guid Id, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The signed-in person's inbox (Notification).</summary>
public sealed class MyNotificationApi(HttpClient http)
{
    public Task<MyRead<Page<InboxMessage>>> InboxAsync(Guid memberId, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<InboxMessage>>($"/members/{memberId}/notifications?page={page}&pageSize=20", ct);

    public Task<MyRead<UnreadCount>> UnreadAsync(Guid memberId, CancellationToken ct) =>
        http.ReadAsAsync<UnreadCount>($"/members/{memberId}/notifications/unread", ct);

    public Task<MyRead<MessagePreferences>> PreferencesAsync(Guid memberId, CancellationToken ct) =>
        http.ReadAsAsync<MessagePreferences>($"/members/{memberId}/preferences", ct);

    public Task<ApiResult<MessagePreferences>> SetPreferencesAsync(Guid memberId, string locale, IReadOnlyList<string> channels, QuietHours quietHours, CancellationToken ct) =>
        http.PutAsync<MessagePreferences>($"/members/{memberId}/preferences", new { locale, channels, quietHours }, ct);
}

public sealed record QuietHours(string Start, string End);

public sealed record MessagePreferences(Guid MemberId, string Locale, IReadOnlyList<string> Channels, QuietHours QuietHours);

public sealed record ExpectedMember(Guid MemberId, string Name, Guid OrganisationId);

public sealed record OrganisationTuesdaySession(
    Guid SessionId, Guid PairingId, Guid PartnerOrganisationId, string? PartnerName, DateOnly On, DateTimeOffset? StartsAt,
    string? Place, string? Topic, string Status, string? Reason, int ExpectedCount, IReadOnlyList<ExpectedMember> Expected);

public sealed record OrganisationTuesday(Guid OrganisationId, string OrganisationName, DateOnly Tuesday, IReadOnlyList<OrganisationTuesdaySession> Sessions);

public sealed record MemberPair(Guid MemberPairId, Guid PairingId, Guid PartnerId, string PartnerName, string PartnerRole, DateOnly Since, bool Active, DateOnly? LastContactedOn, int Contacts);

public sealed record Contact(Guid Id, Guid MemberPairId, DateOnly ContactedOn, string Channel, string Summary);

public sealed record RecordedSession(Guid Id, Guid PairingId, DateOnly HeldOn, string Topic, int Present, int Excused, int Absent);

public sealed record MyStudyAttendance(Guid SessionId, Guid PairingId, DateOnly HeldOn, string Topic, string Status, string? Reason);

/// <summary>Pairing, as the signed-in person: the Tuesday sessions of their organisation and their attendance.</summary>
public sealed class MyPairingApi(HttpClient http)
{
    public Task<MyRead<OrganisationTuesday>> ThisTuesdayAsync(Guid organisationId, DateOnly date, CancellationToken ct) =>
        http.ReadAsAsync<OrganisationTuesday>($"/organisations/{organisationId}/this-tuesday?date={date:yyyy-MM-dd}", ct);

    public Task<MyRead<Page<MyStudyAttendance>>> StudyAttendanceAsync(Guid memberId, CancellationToken ct) =>
        http.ReadAsAsync<Page<MyStudyAttendance>>($"/members/{memberId}/study-attendance?pageSize=8", ct);

    public Task<MyRead<Page<MemberPair>>> PairsAsync(Guid memberId, CancellationToken ct) =>
        http.ReadAsAsync<Page<MemberPair>>($"/members/{memberId}/member-pairs?pageSize=50", ct);

    public Task<MyRead<Page<Contact>>> ContactsAsync(Guid memberPairId, CancellationToken ct) =>
        http.ReadAsAsync<Page<Contact>>($"/member-pairs/{memberPairId}/contacts?pageSize=5", ct);

    public Task<ApiResult<Contact>> LogContactAsync(Guid memberPairId, DateOnly on, string channel, string? summary, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<Contact>($"/member-pairs/{memberPairId}/contacts", new { contactedOn = on, channel, summary }, idempotencyKey, ct);

    public Task<ApiResult<RecordedSession>> RecordAttendanceAsync(Guid pairingId, object session, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<RecordedSession>($"/organisation-pairings/{pairingId}/study-sessions", session, idempotencyKey, ct);
}

public static class Me
{
    public static Guid? MemberId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.Member)?.Value, out var id) ? id : null;

    public static Guid? OrganisationId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.Organisation)?.Value, out var id) ? id : null;

    public static async Task<MyRead<T>> ReadAsAsync<T>(this HttpClient http, string url, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new MyRead<T>(null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        return new MyRead<T>(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, ServiceCalls.Json, ct), null);
    }
}

/// <summary>Reads of one thing by its id, where a 404 means the id names nothing the service knows.</summary>
public static class WorkReads
{
    /// <summary>Like <see cref="Me.ReadAsAsync{T}"/>, and a 404 as <c>Refused = NotFound</c>.</summary>
    public static async Task<MyRead<T>> ReadOrMissingAsync<T>(this HttpClient http, string url, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new MyRead<T>(null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        return new MyRead<T>(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, ServiceCalls.Json, ct), null);
    }

    /// <summary>Whether the service refused the person (401/403), not merely found nothing.</summary>
    public static bool IsRefused<T>(this MyRead<T>? read)
        where T : class => read?.Refused is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}

public static class MyReadExtensions
{
    /// <summary>A part of a signed-in page whose service cannot answer is left out (null), not the whole page.</summary>
    public static async Task<MyRead<T>?> OrRefusedAsync<T>(this Task<MyRead<T>> call)
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
