namespace Lishui.Notification.Features.Templates;

/// <summary>
/// Message wording, versioned: an edit adds a version (the old ones stay readable), and the newest
/// version is what the next message uses.
/// </summary>
public static class Templates
{
    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder api)
    {
        api.MapGetTemplate();
        api.MapListTemplateVersions();
        api.MapEditTemplate();
        return api;
    }
}
