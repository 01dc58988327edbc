using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>What every subscriber request needs alike: who made it, and the answer when the subscriber is unknown.</summary>
public static partial class Subscribers
{
    /// <summary>Who did it, from the token (the column holds 100 characters).</summary>
    internal static string Actor(HttpContext http)
    {
        var name = Caller.From(http.User).Name;
        return name.Length > 100 ? name[..100] : name;
    }

    internal static ProblemHttpResult NotFound() => Problems.NotFound("订阅方", "subscriber");
}
