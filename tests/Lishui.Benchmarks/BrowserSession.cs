using System.Net;

namespace Lishui.Benchmarks;

/// <summary>
/// Cookies and redirects as a browser handles them on http://localhost. Chromium keeps <c>Secure</c>
/// cookies there (localhost counts as a secure context); .NET's <c>CookieContainer</c> does not send
/// them over http, and the sign-in's correlation and nonce cookies are <c>Secure</c>, so a client
/// built on it never finishes a sign-in. One jar for the host, as a browser has (cookies ignore ports).
/// </summary>
public sealed class BrowserSession() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
{
    private readonly Dictionary<string, string> jar = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            lock (jar)
            {
                request.Headers.Remove("Cookie");
                if (jar.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            Keep(response);
            if (hops == 10 || (int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
            {
                return response;
            }

            // After a form post the browser GETs where it is sent (303, and 301/302 in practice).
            var method = (int)response.StatusCode is 307 or 308 ? request.Method : HttpMethod.Get;
            var next = new HttpRequestMessage(method, new Uri(request.RequestUri!, location));
            if (method != HttpMethod.Get)
            {
                next.Content = request.Content;
            }

            response.Dispose();
            request = next;
        }
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        lock (jar)
        {
            foreach (var cookie in cookies)
            {
                var parts = cookie.Split(';', StringSplitOptions.TrimEntries);
                var pair = parts[0].Split('=', 2);
                var expired = parts.Skip(1).Any(a =>
                    a.Equals("max-age=0", StringComparison.OrdinalIgnoreCase)
                    || (a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                        && DateTimeOffset.TryParse(a[8..], out var at) && at < DateTimeOffset.UtcNow));
                if (expired || pair.Length < 2 || pair[1].Length == 0)
                {
                    jar.Remove(pair[0]);
                }
                else
                {
                    jar[pair[0]] = pair[1];
                }
            }
        }
    }
}
