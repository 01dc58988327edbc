namespace Lishui.Notification.PublicEvents.Features;

/// <summary>The registry of subscribing systems: each use case is a slice of its own; the steps they share are one file each beside them.</summary>
public static partial class Subscribers
{
    public static RouteGroupBuilder MapSubscribers(this RouteGroupBuilder group)
    {
        group.MapSubscriberRegistration();
        group.MapListSubscribers();
        group.MapGetSubscriber();
        group.MapRotateSubscriberCredentials();
        group.MapReactivateSubscriber();
        group.MapListSubscriberDeliveries();
        group.MapListSubscriberAttempts();
        group.MapListSubscriberNotices();
        return group;
    }
}
