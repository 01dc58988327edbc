using Lishui.Notification.Data;
using Lishui.Notification.Delivery.Channels;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>
/// Channel deliveries (e-mail, SMS, instant message) that are due: each claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, sent to the contact read from its holder at that moment, and on
/// failure retried with backoff, parked, or given up for the inbox alone.
/// </summary>
public sealed class ChannelAttempts(
    NotificationDbContext db,
    IEnumerable<IExternalChannel> channels,
    MembershipContacts memberContacts,
    ResidentContacts residentContacts,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DispatchProcessor> log)
{
    private DeliveryOptions Options => options.Value;

    /// <summary>Attempts the next due channel delivery; false when none is due.</summary>
    public async Task<bool> NextAsync(CancellationToken ct)
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
