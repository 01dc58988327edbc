using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Catalogue;

/// <summary>
/// Turns drafts into CloudEvents 1.0 (structured JSON) and writes each to the archive, the AMQP
/// outbox and the due webhook deliveries, all in the caller's transaction: nothing is published
/// that was not archived, and nothing archived is left unpublished.
/// </summary>
public sealed class CloudEventWriter(IOptions<PublicEventsOptions> options, ArchivePartitions partitions, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time)
{
    public const string ContentType = "application/cloudevents+json";

    public static readonly CloudEventAttribute DataClassificationAttribute =
        CloudEventAttribute.CreateExtension("dataclassification", CloudEventAttributeType.String);

    public static readonly JsonEventFormatter Formatter = new(PublicJson.Options, default);

    public async Task WriteAsync(PublicEventsDb db, IReadOnlyCollection<PublicEventDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0)
        {
            return;
        }

        var types = drafts.Select(d => d.Type.Type).Distinct().ToList();
        var webhooks = await db.Subscribers.AsNoTracking()
            .Where(s => s.Delivery == DeliveryMode.Webhook && s.Status == SubscriberStatus.Active)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var draft in drafts)
        {
            var id = IdOf(draft.SourceEventId, draft.Type.Type);
            var payload = Encode(draft, id, options.Value.PublicBaseUrl);
            await partitions.EnsureAsync(db, draft.Time, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO public_events.archive (id, type, source, subject, time, classification, source_event_id, payload, archived_at)
                VALUES ({id}, {draft.Type.Type}, {draft.Type.Source}, {draft.Subject}, {draft.Time}, {PublicJson.ClassificationName(draft.Type.Classification)}, {draft.SourceEventId}, {payload}, {now})
                """, ct);
            db.AmqpOutbox.Add(new AmqpOutboxEntry { EventId = id, Type = draft.Type.Type, Payload = payload, CreatedAt = now });
            foreach (var subscriber in webhooks.Where(s => s.Receives(draft.Type.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriberId = subscriber.Id, EventId = id, Type = draft.Type.Type, Payload = payload,
                    Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>The structured-mode CloudEvent, built with the CloudEvents SDK.</summary>
    public static string Encode(PublicEventDraft draft, Guid id, Uri baseUrl)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [DataClassificationAttribute])
        {
            Id = id.ToString(),
            Source = new Uri(draft.Type.Source, UriKind.RelativeOrAbsolute),
            Type = draft.Type.Type,
            Subject = draft.Subject,
            Time = draft.Time,
            DataSchema = PublicJson.SchemaUrl(baseUrl, draft.Type.Type),
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(draft.Data, draft.Type.DataType, PublicJson.Options),
        };
        cloudEvent[DataClassificationAttribute] = PublicJson.ClassificationName(draft.Type.Classification);
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }

    /// <summary>
    /// Deterministic id (UUID version 8) of the public event made from one internal event and one
    /// public type: a redelivered internal event, a retry and a replay all carry the same id.
    /// </summary>
    public static Guid IdOf(Guid sourceEventId, string type)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceEventId:N}/{type}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
