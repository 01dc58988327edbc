using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Shared.Security;
using Lishui.Testing;

namespace Lishui.Benchmarks;

/// <summary>
/// The portal's signed-in pages at 20 concurrent users, each signed in through the development
/// provider's real login page (its own cookie session), beside the service calls each page is built on,
/// measured in the same run with the same pacing: a user opens a page, reads it for a moment
/// (<c>--think-ms</c>), opens the next. Against a running platform (deploy/local/up.sh with demo data).
/// </summary>
public static partial class SignedInPortalBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        if (options.String("portal") is not { } portalUrl || options.String("assessment") is not { } assessmentUrl
            || options.String("pairing") is not { } pairingUrl || options.String("projects") is not { } projectsUrl
            || options.String("notification") is not { } notificationUrl)
        {
            Console.Error.WriteLine("portal-signed-in needs --portal URL --assessment URL --pairing URL --projects URL --notification URL (the addresses up.sh prints)");
            return 2;
        }

        var users = options.Int("users", 20);
        var seconds = options.Int("seconds", 15);
        var think = TimeSpan.FromMilliseconds(options.Int("think-ms", 1000));
        var user = options.String("user") ?? "town-admin";
        var password = options.String("password") ?? "lishui2026";
        var keys = options.String("keys") ?? Path.Combine("aspire", "Lishui.AppHost", ".infra", "local-keys.json");
        var key = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(keys, ct))!["Authentication.SigningKey"];
        // The API side as a town administrator of its own (the per-user limit is not shared with the portal's users).
        var token = TestTokens.For("signed-in-benchmark", [PlatformRoles.TownAdministrator], key: key, issuer: "lishui-local-dev", audience: "lishui-platform");
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM");

        var signIn = Stopwatch.StartNew();
        var sessions = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => SignInAsync(portalUrl.TrimEnd('/'), user, password, ct)));
        Console.WriteLine($"{users} users signed in as {user} through the provider's login page in {signIn.Elapsed.TotalSeconds:F1} s");

        using var apiHandler = new SocketsHttpHandler { MaxConnectionsPerServer = users * 2 };
        using var api = new HttpClient(apiHandler) { Timeout = TimeSpan.FromSeconds(30) };
        (string Page, string Path, string[] Apis)[] pages =
        [
            ("积分考核", "/assessment", [$"{assessmentUrl}/schemes?page=1&pageSize=20", $"{assessmentUrl}/public/notices?pageSize=200"]),
            ("数据看板", $"/overview?month={month}", [$"{pairingUrl}/statistics/villages?month={month}", $"{projectsUrl}/statistics/villages?month={month}", $"{assessmentUrl}/statistics/villages?year={month[..4]}"]),
            ("投递记录", "/town/deliveries", [$"{notificationUrl}/deliveries?page=1&pageSize=50"]),
            ("订阅系统", "/town/subscribers", [$"{notificationUrl}/public-events/subscribers?page=1&pageSize=20", $"{notificationUrl}/public-events/types"]),
        ];

        Console.WriteLine($"{users} concurrent users, {think.TotalMilliseconds:F0} ms between a user's requests, {seconds} s per measurement after a 3 s warm-up; API calls with a token of the same role");
        Console.WriteLine($"{"page",-10} {"page p50",9} {"page p95",9} {"API p50",8} {"API p95",8} {"portal adds",12} {"pages/s",8}");
        foreach (var (page, path, apis) in pages)
        {
            // A page's API side: its calls one after another, as the portal makes them (the overview's in parallel).
            var parallel = path.StartsWith("/overview", StringComparison.Ordinal);
            var apiFigures = await MeasureAsync(users, think, seconds, async (_, c) =>
            {
                if (parallel)
                {
                    await Task.WhenAll(apis.Select(url => GetAsync(api, Authorised(url, token), c)));
                    return;
                }

                foreach (var url in apis)
                {
                    await GetAsync(api, Authorised(url, token), c);
                }
            }, ct);
            var pageFigures = await MeasureAsync(users, think, seconds, (i, c) => GetAsync(sessions[i], new HttpRequestMessage(HttpMethod.Get, portalUrl.TrimEnd('/') + path), c), ct);
            Console.WriteLine($"{page,-10} {pageFigures.P50,9:F1} {pageFigures.P95,9:F1} {apiFigures.P50,8:F1} {apiFigures.P95,8:F1} {pageFigures.P95 - apiFigures.P95,12:F1} {pageFigures.Rate,8:F1}");
        }

        Console.WriteLine("target: signed-in page p95 ≤ 200 ms at 20 concurrent users (ms)");
        foreach (var s in sessions)
        {
            s.Dispose();
        }

        return 0;
    }

    /// <summary>A browser's sign-in without the browser: the portal's challenge, the provider's login form, its form_post back.</summary>
    private static async Task<HttpClient> SignInAsync(string portal, string user, string password, CancellationToken ct)
    {
        var http = new HttpClient(new BrowserSession())
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var login = await http.GetAsync($"{portal}/signin?returnUrl=%2Fme", ct);
        var loginPage = await login.Content.ReadAsStringAsync(ct);
        var fields = Hidden(loginPage);
        fields["userName"] = user;
        fields["password"] = password;
        using var posted = await http.PostAsync(new Uri(login.RequestMessage!.RequestUri!, "/account/login"), new FormUrlEncodedContent(fields), ct);
        var answer = await posted.Content.ReadAsStringAsync(ct);
        // The provider answers the code with a form that posts itself back to the portal.
        if (FormAction().Match(answer) is { Success: true } form && form.Groups[1].Value.Contains("/signin-oidc", StringComparison.Ordinal))
        {
            using var back = await http.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(Hidden(answer)), ct);
            answer = await back.Content.ReadAsStringAsync(ct);
        }

        if (!answer.Contains("我的工作台", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"signing in as {user} did not reach 我的工作台");
        }

        return http;
    }

    private static Dictionary<string, string> Hidden(string html) =>
        HiddenInput().Matches(html).GroupBy(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    private static HttpRequestMessage Authorised(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task GetAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        using (var response = await http.SendAsync(request, ct))
        {
            await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"{request.RequestUri} answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
            }
        }
    }

    private sealed record Figures(double P50, double P95, double Rate);

    private static async Task<Figures> MeasureAsync(int users, TimeSpan think, int seconds, Func<int, CancellationToken, Task> call, CancellationToken ct)
    {
        await RunAsync(users, think, TimeSpan.FromSeconds(3), call, [], ct);
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        await RunAsync(users, think, TimeSpan.FromSeconds(seconds), call, times, ct);
        var sorted = times.Order().ToArray();
        return new Figures(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length / clock.Elapsed.TotalSeconds);
    }

    private static async Task RunAsync(int users, TimeSpan think, TimeSpan duration, Func<int, CancellationToken, Task> call, List<double> times, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
        {
            // Users do not start in step: each begins somewhere in its first pause.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * think.TotalMilliseconds), ct);
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i, ct);
                lock (times)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                await Task.Delay(think, ct);
            }
        }));
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
