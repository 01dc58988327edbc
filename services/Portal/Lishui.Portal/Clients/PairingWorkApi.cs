using System.Net.Http.Json;

namespace Lishui.Portal.Clients;

public sealed record OrganisationPairingView(
    Guid Id, Guid OrganBranchId, Guid VillageCommitteeId, DateOnly StartsOn, DateOnly? EndsOn, string Purpose, int ContactEveryDays, bool Ended,
    int ListRevision, TimeOnly? StudyTime, string? StudyPlace, int? StudyDurationMinutes, DateOnly? StudyFrom, long Version,
    string? OrganBranchName, string? VillageCommitteeName)
{
    public string Title => $"{OrganBranchName ?? "机关党支部"} — {VillageCommitteeName ?? "村党组织"}";
}

public sealed record PairingListEntryView(
    Guid MemberPairId, Guid OrganMemberId, string OrganMemberName, Guid VillageMemberId, string VillageMemberName, bool Pinned, DateOnly Since, DateOnly? LastContactedOn);

public sealed record PairingListView(Guid PairingId, int Revision, int Moved, IReadOnlyList<PairingListEntryView> Pairs);

public sealed record PairContactStatusView(
    Guid MemberPairId, Guid PairingId, Guid OrganMemberId, string OrganMemberName, Guid VillageMemberId, string VillageMemberName,
    DateOnly Since, DateOnly? LastContactedOn, DateOnly DueOn, bool Overdue, int DaysOverdue);

public sealed record StudyWeekView(
    Guid Id, Guid PairingId, DateOnly WeekOf, DateOnly On, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string? Topic,
    string Status, string? Reason, string? ChangedBy, Guid? HeldSessionId);

public sealed record StationingScheduleView(
    Guid Id, Guid LeaderMemberId, Guid VillageCommitteeId, DateOnly StartsOn, DateOnly? EndsOn, TimeOnly StartTime, TimeOnly EndTime, string Place,
    string CreatedBy, Guid? ServicePositionId, string? LeaderName, string? VillageName);

public sealed record StationingVisitView(
    Guid Id, Guid ScheduleId, Guid LeaderMemberId, Guid VillageCommitteeId, DateOnly On, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place,
    bool Held, DateOnly? HeldOn, string? Notes, string? RecordedBy, Guid? ServicePositionId);

public sealed record RaisedRequestView(Guid Id, string ReferenceNumber, Guid StationingVisitId, DateOnly RaisedOn, string Subject, string Location, string Category);

public sealed record PinView(Guid OrganMemberId, Guid VillageMemberId);

/// <summary>Pairing as a secretary or the town works it (组织结对, 结对清单, 联系逾期), with the person's own token.</summary>
public sealed class PairingWorkApi(HttpClient http)
{
    public Task<MyRead<Page<OrganisationPairingView>>> PairingsAsync(Guid? organisationId, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<OrganisationPairingView>>(
            $"/organisation-pairings?page={page}&pageSize=20" + (organisationId is { } o ? $"&organisationId={o}" : ""), ct);

    public Task<MyRead<OrganisationPairingView>> PairingAsync(Guid id, CancellationToken ct) =>
        http.ReadOrMissingAsync<OrganisationPairingView>($"/organisation-pairings/{id}", ct);

    public Task<MyRead<PairingListView>> ListAsync(Guid id, CancellationToken ct) =>
        http.ReadOrMissingAsync<PairingListView>($"/organisation-pairings/{id}/pairing-list", ct);

    public Task<MyRead<PinsView>> PinsAsync(Guid id, CancellationToken ct) =>
        http.ReadOrMissingAsync<PinsView>($"/organisation-pairings/{id}/pins", ct);

    /// <summary>Regenerates the unpinned pairs; the key makes a double click publish once.</summary>
    public Task<ApiResult<PairingListView>> RegenerateAsync(Guid id, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<PairingListView>($"/organisation-pairings/{id}/pairing-list", new { }, idempotencyKey, ct);

    /// <summary>Replaces the pairing's pins (a PUT: sending the same set twice changes nothing).</summary>
    public async Task<ApiResult<object>> SetPinsAsync(Guid id, IReadOnlyList<PinView> pins, CancellationToken ct)
    {
        try
        {
            using var response = await http.PutAsJsonAsync($"/organisation-pairings/{id}/pins", new { pins }, ServiceCalls.Json, ct);
            return response.IsSuccessStatusCode
                ? new ApiResult<object>(new object(), null)
                : new ApiResult<object>(null, await ServiceCalls.ProblemAsync(response, ct));
        }
        catch (HttpRequestException)
        {
            return new ApiResult<object>(null, ApiProblem.Unavailable);
        }
    }

    /// <summary>The group's Tuesdays from the week of <paramref name="from"/>, eight weeks.</summary>
    public Task<MyRead<Page<StudyWeekView>>> StudyCalendarAsync(Guid pairingId, DateOnly from, CancellationToken ct) =>
        http.ReadOrMissingAsync<Page<StudyWeekView>>($"/organisation-pairings/{pairingId}/study-calendar?from={from:yyyy-MM-dd}&to={from.AddDays(49):yyyy-MM-dd}", ct);

    public Task<ApiResult<StudyWeekView>> SkipWeekAsync(Guid pairingId, DateOnly weekOf, string reason, string changedBy, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<StudyWeekView>($"/organisation-pairings/{pairingId}/study-calendar/{weekOf:yyyy-MM-dd}/skip", new { reason, changedBy }, idempotencyKey, ct);

    public Task<ApiResult<StudyWeekView>> MoveWeekAsync(
        Guid pairingId, DateOnly weekOf, DateOnly date, TimeOnly? time, string? place, string reason, string changedBy, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<StudyWeekView>($"/organisation-pairings/{pairingId}/study-calendar/{weekOf:yyyy-MM-dd}/move",
            new { date, time, place, reason, changedBy }, idempotencyKey, ct);

    public Task<MyRead<Page<StationingScheduleView>>> SchedulesAsync(Guid? villageId, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<StationingScheduleView>>(
            $"/stationing-schedules?page={page}&pageSize=10" + (villageId is { } v ? $"&villageCommitteeId={v}" : ""), ct);

    public Task<MyRead<StationingScheduleView>> ScheduleAsync(Guid id, CancellationToken ct) =>
        http.ReadOrMissingAsync<StationingScheduleView>($"/stationing-schedules/{id}", ct);

    public Task<MyRead<Page<StationingVisitView>>> VisitsAsync(Guid scheduleId, DateOnly from, DateOnly to, CancellationToken ct) =>
        http.ReadOrMissingAsync<Page<StationingVisitView>>($"/stationing-schedules/{scheduleId}/visits?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ct);

    public Task<ApiResult<StationingVisitView>> RecordVisitAsync(Guid scheduleId, DateOnly on, string? notes, string recordedBy, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<StationingVisitView>($"/stationing-schedules/{scheduleId}/visits", new { on, notes, recordedBy }, idempotencyKey, ct);

    /// <summary>A resident's request raised at the visit; Pairing passes it on to PracticalProjects.</summary>
    public Task<ApiResult<RaisedRequestView>> RaiseRequestAsync(Guid visitId, object request, string idempotencyKey, CancellationToken ct) =>
        http.PostOnceAsync<RaisedRequestView>($"/stationing-visits/{visitId}/resident-requests", request, idempotencyKey, ct);

    public Task<MyRead<Page<PairContactStatusView>>> ContactStatusAsync(Guid organisationId, bool? overdue, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<PairContactStatusView>>(
            $"/organisations/{organisationId}/contact-status?page={page}&pageSize=20" + (overdue is { } o ? $"&overdue={(o ? "true" : "false")}" : ""), ct);
}

public sealed record PinsView(IReadOnlyList<PinView> Pins);
