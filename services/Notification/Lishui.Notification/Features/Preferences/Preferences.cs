namespace Lishui.Notification.Features.Preferences;

/// <summary>A person's language, channels (the inbox always) and quiet hours.</summary>
public static class Preferences
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder api)
    {
        api.MapGetPreferences();
        api.MapSetPreferences();
        return api;
    }
}
