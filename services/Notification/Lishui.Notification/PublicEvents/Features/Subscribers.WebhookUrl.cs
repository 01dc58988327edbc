using System.Net;
using Lishui.Shared.Web;

namespace Lishui.Notification.PublicEvents.Features;

public static partial class Subscribers
{
    /// <summary>HTTPS only; plain HTTP just to a loopback address, and only where allowed (Development).</summary>
    public static FieldError? WebhookUrlProblem(string url, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-invalid", "推送地址须为完整的 HTTPS 网址（不含用户名密码）。", "The webhook URL must be an absolute HTTPS URL without credentials.");
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme == Uri.UriSchemeHttp && !(loopback && allowLoopbackHttp))
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-not-https", "推送地址必须使用 HTTPS。", "The webhook URL must use HTTPS.");
        }

        return null;
    }
}
