using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Delivery;

/// <summary>
/// A dispatch to one member: the message in their inbox (with the member's due digestible reminders
/// combined into one digest), in their language, after their quiet hours, then one delivery per channel
/// they chose that is configured.
/// </summary>
public sealed class MemberDelivery(NotificationDbContext db, ITemplateLibrary templates, DispatchSteps steps)
{
    /// <summary>False when the dispatch must be left to another worker (one building this person's digest).</summary>
    public async Task<bool> DeliverAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        var member = await db.Set<LocalMember>().FindAsync([dispatch.RecipientId!.Value], ct);
        if (member is null)
        {
            steps.Park(dispatch, "recipient-unknown: the member is not in the local view yet (MemberRegistered not received)", now);
            return true;
        }

        var preference = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == member.MemberId, ct);
        if (steps.Defer(dispatch, preference?.QuietHours ?? QuietHours.Default, now))
        {
            return true;
        }

        var group = new List<Dispatch> { dispatch };
        if (dispatch.Digestible)
        {
            // One worker per person builds the digest (held to the end of this transaction); the
            // others give their claimed reminders up, so the rows below are free to take and wait for.
            var mine = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({"digest:" + member.MemberId}, 0)) AS \"Value\"")
                .SingleAsync(ct);
            if (!mine)
            {
                return false;
            }

            group.AddRange(await db.Dispatches
                .FromSql($"SELECT * FROM dispatches WHERE recipient_id = {member.MemberId} AND audience = 'Member' AND digestible AND status = 'Pending' AND due_at <= {now} AND id <> {dispatch.Id} ORDER BY created_at FOR UPDATE")
                .ToListAsync(ct));
        }

        var locale = preference?.Locale ?? RecipientPreference.DefaultLocale;
        var texts = new List<NotificationText>();
        foreach (var item in group)
        {
            var values = await ValuesAsync(item, member.Name, ct);
            if (values is null)
            {
                steps.Park(dispatch, "recipient-unknown: a member named in the message is not in the local view yet", now);
                return true;
            }

            texts.Add((await templates.CurrentAsync(TemplateKind.For(item.Kind), locale, ct)).RenderComplete(values));
        }

        var kind = group.Count == 1 ? dispatch.Kind : NotificationKind.Digest;
        var text = group.Count == 1 ? texts[0] : await DigestAsync(texts, member.Name, locale, ct);
        var sourceEventId = group.Count == 1 ? dispatch.SourceEventId : dispatch.Id;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.SourceEventId == sourceEventId && n.Kind == kind && n.RecipientId == member.MemberId, ct);
        if (notification is null)
        {
            notification = Domain.Notification.Create(Guid.CreateVersion7(now), member.MemberId, kind, text, sourceEventId, dispatch.TraceId, now);
            db.Notifications.Add(notification);
        }

        dispatch.Delivered(notification.Id, now);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, DeliveryChannel.Inbox, "Delivered", 1, group.Count > 1 ? $"digest of {group.Count} reminders" : null, now));
        foreach (var combined in group.Skip(1))
        {
            combined.CombineInto(dispatch.Id, notification.Id, now);
            db.DeliveryLog.Add(DeliveryLogEntry.For(combined, DeliveryChannel.Inbox, "Combined", 1, $"in digest {dispatch.Id}", now));
        }

        foreach (var channel in (preference?.Channels ?? RecipientPreference.DefaultChannels).Where(steps.Offered))
        {
            db.ChannelDeliveries.Add(ChannelDelivery.Schedule(dispatch, notification.Id, kind, channel, text, now));
        }

        return true;
    }

    private async Task<Dictionary<string, string>?> ValuesAsync(Dispatch dispatch, string recipientName, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(dispatch.Values) { ["name"] = recipientName };
        foreach (var (placeholder, memberId) in dispatch.NameRefs)
        {
            var name = await db.Set<LocalMember>().Where(m => m.MemberId == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct);
            if (name is null)
            {
                return null;
            }

            values[placeholder] = name;
        }

        return values;
    }

    private async Task<NotificationText> DigestAsync(List<NotificationText> items, string name, string locale, CancellationToken ct)
    {
        var separator = locale == "en" ? ": " : "：";
        var lines = string.Join("\n", items.Select((t, i) => $"{i + 1}. {t.Title}{separator}{t.Body}"));
        var template = await templates.CurrentAsync(TemplateKind.Digest, locale, ct);
        return template.RenderComplete(new Dictionary<string, string> { ["name"] = name, ["count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["items"] = lines });
    }
}
