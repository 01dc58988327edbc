using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;

namespace Lishui.Notification.Delivery;

/// <summary>A dispatch to a resident: an SMS scheduled with the text in the default locale (a resident has no inbox).</summary>
public sealed class ResidentDelivery(NotificationDbContext db, ITemplateLibrary templates, DispatchSteps steps)
{
    public async Task DeliverAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        if (steps.Defer(dispatch, QuietHours.Default, now))
        {
            return;
        }

        // A resident has no inbox here: SMS is the only channel that reaches them.
        if (!steps.Offered(DeliveryChannel.Sms))
        {
            steps.Park(dispatch, "no-usable-channel: residents are reached by SMS, and no SMS binding is configured", now);
            return;
        }

        var text = (await templates.CurrentAsync(TemplateKind.For(dispatch.Kind), RecipientPreference.DefaultLocale, ct)).RenderComplete(dispatch.Values);
        db.ChannelDeliveries.Add(ChannelDelivery.Schedule(dispatch, null, dispatch.Kind, DeliveryChannel.Sms, text, now));
        dispatch.Delivered(null, now);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, DeliveryChannel.Sms, "Scheduled", 0, $"contact held by {dispatch.ContactHeldBy}", now));
    }
}
