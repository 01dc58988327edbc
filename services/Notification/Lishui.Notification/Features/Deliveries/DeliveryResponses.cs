using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Web;

namespace Lishui.Notification.Features.Deliveries;

public sealed record DeliveryLogResponse(
    Guid Id, Guid DispatchId, Guid SourceEventId, NotificationKind Kind, Guid? RecipientId, DeliveryChannel? Channel,
    string Outcome, int Attempt, DateTimeOffset At, string? Detail);

public sealed record DispatchResponse(
    Guid Id, Guid SourceEventId, NotificationKind Kind, Audience Audience, Guid? RecipientId, Guid? AudienceOrganisationId,
    DispatchStatus Status, bool Urgent, bool Digestible, DateTimeOffset DueAt, int Attempts, string? LastError,
    Guid? NotificationId, Guid? CombinedInto, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static DispatchResponse From(Dispatch d) =>
        new(d.Id, d.SourceEventId, d.Kind, d.Audience, d.RecipientId, d.AudienceOrganisationId, d.Status, d.Urgent, d.Digestible,
            d.DueAt, d.Attempts, d.LastError, d.NotificationId, d.CombinedInto, d.CreatedAt, d.DeliveredAt);
}

public sealed record DeliveryLogQuery(
    Guid? RecipientId, Guid? DispatchId, Guid? SourceEventId, DeliveryChannel? Channel, string? Outcome, NotificationKind? Kind,
    DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);
