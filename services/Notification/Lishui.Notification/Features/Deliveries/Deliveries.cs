namespace Lishui.Notification.Features.Deliveries;

/// <summary>
/// For administrators: every step and attempt of every message (the delivery log), and the messages
/// still on their way or parked, with why. Neither holds an address or phone number.
/// </summary>
public static class Deliveries
{
    public static IEndpointRouteBuilder MapDeliveries(this IEndpointRouteBuilder api)
    {
        api.MapListDeliveryLog();
        api.MapListDispatches();
        api.MapRetryDispatch();
        return api;
    }
}
