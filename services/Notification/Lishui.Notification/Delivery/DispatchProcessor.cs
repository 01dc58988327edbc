using Lishui.Notification.Data;
using Lishui.Notification.Delivery.Channels;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>
/// One pass of the dispatcher. Due dispatches become inbox messages and channel deliveries (after
/// quiet hours and digest windows); due channel deliveries are attempted. Each row is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work without sending anything twice.
/// </summary>
public sealed class DispatchProcessor(
    NotificationDbContext db,
    ITemplateLibrary templates,
    IEnumerable<IExternalChannel> channels,
    MembershipContacts memberContacts,
    ResidentContacts residentContacts,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DispatchProcessor> log)
{
    private static readonly string[] OnRoll = ["Probationary", "Full"];

    private readonly HashSet<Guid> leftToOthers = [];

    private DeliveryOptions Options => options.Value;

    /// <summary>Handles what is due now; returns how many rows it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        while (handled < Options.BatchSize && await NextDispatchAsync(ct))
        {
            handled++;
        }

        var attempts = 0;
        while (attempts < Options.BatchSize && await NextChannelDeliveryAsync(ct))
        {
            attempts++;
        }

        return handled + attempts;
    }

    private async Task<bool> NextDispatchAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var leftForOthers = leftToOthers.ToArray();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dispatch = (await db.Dispatches
            .FromSql($"SELECT * FROM dispatches WHERE status IN ('Pending', 'Parked') AND due_at <= {now} AND id <> ALL({leftForOthers}) ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct)).SingleOrDefault();
        if (dispatch is null)
        {
            return false;
        }

        try
        {
            if (!await HandleAsync(dispatch, now, ct))
            {
                // Another worker is putting this person's digest together: it takes this one too.
                leftToOthers.Add(dispatch.Id);
                await tx.RollbackAsync(ct);
                return true;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(ct);
            await ParkAfterFailureAsync(dispatch.Id, e, ct);
        }

        return true;
    }

    /// <summary>False when the dispatch must be left to another worker.</summary>
    private async Task<bool> HandleAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        switch (dispatch.Audience)
        {
            case Audience.Member:
                return await DeliverToMemberAsync(dispatch, now, ct);
            case Audience.Resident:
                await DeliverToResidentAsync(dispatch, now, ct);
                return true;
            default:
                await ExpandAsync(dispatch, now, ct);
                return true;
        }
    }

    private async Task ExpandAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        var organisationId = dispatch.AudienceOrganisationId;
        if (organisationId is null && dispatch.SubjectMemberId is { } subject)
        {
            organisationId = (await db.Set<LocalMember>().FindAsync([subject], ct))?.OrganisationId;
        }

        if (organisationId is not { } organisation)
        {
            Park(dispatch, $"recipient-unknown: member {dispatch.SubjectMemberId} is not in the local view yet (MemberRegistered not received)", now);
            return;
        }

        var answering = organisation;
        List<Guid> members;
        switch (dispatch.Audience)
        {
            case Audience.Secretary:
                // Nobody holds the secretary's office here: the nearest secretary above answers for it.
                var nearest = await db.NearestSecretaryAsync(organisation, ct);
                (answering, members) = nearest is { } found ? found : (organisation, []);
                break;
            case Audience.Committee:
                members = await db.CommitteeOfAsync(organisation, ct);
                break;
            default:
                members = await MembersUnderAsync(organisation, ct);
                break;
        }

        if (members.Count == 0)
        {
            Park(dispatch, $"no-recipient: no {dispatch.Audience} known for organisation {organisation} {(dispatch.Audience == Audience.Secretary ? "or above it " : "")}yet", now);
            return;
        }

        var already = await db.Dispatches
            .Where(d => d.SourceEventId == dispatch.SourceEventId && d.Kind == dispatch.Kind && d.Audience == Audience.Member && d.RecipientId != null && members.Contains(d.RecipientId.Value))
            .Select(d => d.RecipientId!.Value)
            .ToListAsync(ct);
        foreach (var member in members.Except(already))
        {
            var due = dispatch.Digestible ? await DispatchPlanner.DigestDueAtAsync(db, member, now, Options.DigestWindow, ct) : now;
            db.Dispatches.Add(dispatch.ForMember(member, due, now));
        }

        dispatch.Expanded(now);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Expanded", dispatch.Attempts + 1, answering == organisation
            ? $"{members.Except(already).Count()} recipients in organisation {organisation}"
            : $"{members.Except(already).Count()} recipients: the secretary of organisation {answering}, the nearest above {organisation}", now));
    }

    private async Task<List<Guid>> MembersUnderAsync(Guid organisation, CancellationToken ct)
    {
        var subtree = await db.SubtreeAsync(organisation, ct);
        return await db.Set<LocalMember>().Where(m => subtree.Contains(m.OrganisationId) && OnRoll.Contains(m.Status)).Select(m => m.MemberId).ToListAsync(ct);
    }

    private async Task<bool> DeliverToMemberAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        var member = await db.Set<LocalMember>().FindAsync([dispatch.RecipientId!.Value], ct);
        if (member is null)
        {
            Park(dispatch, "recipient-unknown: the member is not in the local view yet (MemberRegistered not received)", now);
            return true;
        }

        var preference = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == member.MemberId, ct);
        if (Defer(dispatch, preference?.QuietHours ?? QuietHours.Default, now))
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
                Park(dispatch, "recipient-unknown: a member named in the message is not in the local view yet", now);
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

        foreach (var channel in (preference?.Channels ?? RecipientPreference.DefaultChannels).Where(Offered))
        {
            db.ChannelDeliveries.Add(ChannelDelivery.Schedule(dispatch, notification.Id, kind, channel, text, now));
        }

        return true;
    }

    private async Task DeliverToResidentAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        if (Defer(dispatch, QuietHours.Default, now))
        {
            return;
        }

        // A resident has no inbox here: SMS is the only channel that reaches them.
        if (!Offered(DeliveryChannel.Sms))
        {
            Park(dispatch, "no-usable-channel: residents are reached by SMS, and no SMS binding is configured", now);
            return;
        }

        var text = (await templates.CurrentAsync(TemplateKind.For(dispatch.Kind), RecipientPreference.DefaultLocale, ct)).RenderComplete(dispatch.Values);
        db.ChannelDeliveries.Add(ChannelDelivery.Schedule(dispatch, null, dispatch.Kind, DeliveryChannel.Sms, text, now));
        dispatch.Delivered(null, now);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, DeliveryChannel.Sms, "Scheduled", 0, $"contact held by {dispatch.ContactHeldBy}", now));
    }

    private bool Defer(Dispatch dispatch, QuietHours quiet, DateTimeOffset now)
    {
        if (dispatch.Urgent || quiet.EndOfQuietAt(now, Options.Zone()) is not { } end)
        {
            return false;
        }

        dispatch.Defer(end);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Deferred", dispatch.Attempts + 1, $"quiet hours until {end:O}", now));
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

    private bool Offered(DeliveryChannel channel) => channels.Any(c => c.Channel == channel && c.Configured);

    private void Park(Dispatch dispatch, string reason, DateTimeOffset now)
    {
        dispatch.Park(reason, now + Options.ParkedRetryInterval);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Parked", dispatch.Attempts, reason, now));
        log.LogInformation("Dispatch {DispatchId} ({Kind}) parked: {Reason}", dispatch.Id, dispatch.Kind, reason);
    }

    private async Task ParkAfterFailureAsync(Guid dispatchId, Exception error, CancellationToken ct)
    {
        log.LogWarning(error, "Dispatch {DispatchId} failed; parked for a later attempt", dispatchId);
        db.ChangeTracker.Clear();
        var dispatch = await db.Dispatches.FirstAsync(d => d.Id == dispatchId, ct);
        var reason = error is TemplateRenderException ? $"template-render-failed: {error.Message}" : $"failed: {error.GetType().Name}: {error.Message}";
        Park(dispatch, reason, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> NextChannelDeliveryAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var delivery = (await db.ChannelDeliveries
            .FromSql($"SELECT * FROM channel_deliveries WHERE status IN ('Pending', 'Parked') AND next_attempt_at <= {now} ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct)).SingleOrDefault();
        if (delivery is null)
        {
            return false;
        }

        delivery.Retry(now);
        var sourceEventId = await db.Dispatches.Where(d => d.Id == delivery.DispatchId).Select(d => d.SourceEventId).FirstAsync(ct);
        await AttemptAsync(delivery, sourceEventId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task AttemptAsync(ChannelDelivery delivery, Guid sourceEventId, CancellationToken ct)
    {
        RecipientContact? contact = null;
        try
        {
            var channel = channels.FirstOrDefault(c => c.Channel == delivery.Channel && c.Configured)
                ?? throw new InvalidOperationException($"The {delivery.Channel} channel is not configured.");
            var purpose = $"notification:{delivery.Channel.ToString().ToLowerInvariant()}:{TemplateKind.For(delivery.Kind).Key}";
            contact = delivery.RecipientId is { } memberId
                ? await memberContacts.FindAsync(memberId, purpose, ct)
                : await residentContacts.FindAsync(delivery.ContactHeldBy!, delivery.ContactRequestId!.Value, purpose, ct);
            if (contact is null)
            {
                throw new NoAddressException("No contact on record for this person.");
            }

            await channel.SendAsync(new OutgoingMessage(delivery.Title, delivery.Body), contact, ct);
            delivery.Sent(time.GetUtcNow());
            db.DeliveryLog.Add(DeliveryLogEntry.For(delivery, sourceEventId, "Sent", null, time.GetUtcNow()));
        }
        catch (NoAddressException e)
        {
            delivery.Skip(e.Message, time.GetUtcNow());
            db.DeliveryLog.Add(DeliveryLogEntry.For(delivery, sourceEventId, "Skipped", e.Message, time.GetUtcNow()));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var error = Redact($"{e.GetType().Name}: {e.Message}", contact);
            var status = delivery.Failed(error, Options.Retry, now);
            log.LogWarning("{Channel} delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.Channel, delivery.Id, delivery.Attempts, error);
            db.DeliveryLog.Add(DeliveryLogEntry.For(delivery, sourceEventId, "Failed",
                status == ChannelDeliveryStatus.Pending ? $"{error} (next attempt at {delivery.NextAttemptAt:O})" : error, now));
            if (status == ChannelDeliveryStatus.FellBackToInbox)
            {
                var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == delivery.NotificationId, ct);
                notification?.FallBackFrom(delivery.Channel.ToString());
                db.DeliveryLog.Add(DeliveryLogEntry.For(delivery, sourceEventId, "FellBackToInbox", $"gave up after {delivery.Attempts} attempts", now));
            }
            else if (status == ChannelDeliveryStatus.Parked)
            {
                db.DeliveryLog.Add(DeliveryLogEntry.For(delivery, sourceEventId, "Parked", $"retried from {delivery.NextAttemptAt:O}", now));
            }
        }
    }

    // Error texts go to the log and the database: never with an address or number in them.
    private static string Redact(string text, RecipientContact? contact)
    {
        foreach (var secret in new[] { contact?.Email, contact?.Phone })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }
}
