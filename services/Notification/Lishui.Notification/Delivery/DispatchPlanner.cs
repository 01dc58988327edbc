using System.Diagnostics;
using Lishui.Contracts;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>What a consumer says about an event's message; the dispatcher does the rest when it is due.</summary>
public sealed record MessagePlan(NotificationKind Kind, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, Guid>? NameRefs = null, bool Urgent = false, bool Digestible = false);

/// <summary>Turns an event into dispatches, in the consumer's transaction; reminders join the person's open digest window.</summary>
public sealed class DispatchPlanner(NotificationDbContext db, TimeProvider time, IOptions<DeliveryOptions> options)
{
    public async Task ToMemberAsync(IntegrationEvent e, MessagePlan plan, Guid memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = plan.Digestible ? await DigestDueAtAsync(db, memberId, now, options.Value.DigestWindow, ct) : now;
        db.Dispatches.Add(Dispatch.Create(e.EventId, plan.Kind, Audience.Member, memberId, null, null, plan.Values, plan.NameRefs, plan.Urgent, plan.Digestible, due, TraceId, now));
    }

    /// <summary>
    /// Secretary (the nearest at or above the organisation), committee or members of an organisation: found in
    /// the local view when due (parked until someone holds the office).
    /// </summary>
    public void ToAudience(IntegrationEvent e, MessagePlan plan, Audience audience, Guid? organisationId, Guid? subjectMemberId = null)
    {
        var now = time.GetUtcNow();
        db.Dispatches.Add(Dispatch.Create(e.EventId, plan.Kind, audience, null, organisationId, subjectMemberId, plan.Values, plan.NameRefs, plan.Urgent, plan.Digestible, now, TraceId, now));
    }

    public void ToResident(IntegrationEvent e, MessagePlan plan, string contactHeldBy, Guid contactRequestId)
    {
        var now = time.GetUtcNow();
        db.Dispatches.Add(Dispatch.Create(e.EventId, plan.Kind, Audience.Resident, null, null, null, plan.Values, plan.NameRefs, plan.Urgent, plan.Digestible, now, TraceId, now, contactHeldBy, contactRequestId));
    }

    /// <summary>The end of the person's open digest window, or a new window from now.</summary>
    public static async Task<DateTimeOffset> DigestDueAtAsync(NotificationDbContext db, Guid memberId, DateTimeOffset now, TimeSpan window, CancellationToken ct) =>
        await db.Dispatches
            .Where(d => d.RecipientId == memberId && d.Audience == Audience.Member && d.Digestible && d.Status == DispatchStatus.Pending && d.DueAt > now)
            .MinAsync(d => (DateTimeOffset?)d.DueAt, ct)
        ?? now + window;

    private static string? TraceId => Activity.Current?.TraceId.ToString();
}

/// <summary>How event values are written into messages: the town's local time, ISO dates (read the same in both languages).</summary>
public static class MessageValues
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
