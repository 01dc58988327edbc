using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Shared.Security;
using Lishui.Testing;

namespace Lishui.Benchmarks;

/// <summary>
/// The portal's public pages under concurrent readers, each beside the service call it is built on,
/// measured in the same run against the same running platform (deploy/local/up.sh with demo data),
/// and each page's weight on first load (HTML + CSS + script).
/// </summary>
public static partial class PortalBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        if (options.String("portal") is not { } portalUrl || options.String("assessment") is not { } assessmentUrl
            || options.String("projects") is not { } projectsUrl || options.String("pairing") is not { } pairingUrl)
        {
            Console.Error.WriteLine("portal needs --portal URL --assessment URL --projects URL --pairing URL (the addresses up.sh prints)");
            return 2;
        }

        var readers = options.Int("readers", 20);
        var seconds = options.Int("seconds", 15);
        var keys = options.String("keys") ?? Path.Combine("aspire", "Lishui.AppHost", ".infra", "local-keys.json");
        var key = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(keys, ct))!["Authentication.SigningKey"];
        // The portal calls as a service client; the API side is measured the same way (a person's token
        // has a per-user limit, the anonymous one a per-address limit). Looking up ids takes an administrator.
        var admin = TestTokens.For("portal-benchmark", [PlatformRoles.TownAdministrator], key: key, issuer: "lishui-local-dev", audience: "lishui-platform");
        var token = TestTokens.Service("lishui-portal-benchmark", PlatformScopes.PublicPortal, key, "lishui-local-dev", "lishui-platform");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = readers * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var api = (string url) => Authorised(url, token);

        var notices = await http.SendAsync(api($"{assessmentUrl}/public/notices?pageSize=1"), ct);
        var noticeId = (await notices.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var projectList = await (await http.SendAsync(api($"{projectsUrl}/public/projects?pageSize=1"), ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var projectId = projectList.GetProperty("items")[0].GetProperty("id").GetGuid();
        var requests = await (await http.SendAsync(Authorised($"{projectsUrl}/resident-requests?pageSize=1", admin), ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var reference = requests.GetProperty("items")[0].GetProperty("referenceNumber").GetString();

        (string Page, string Path, string Api)[] pages =
        [
            ("首页", "/", $"{projectsUrl}/public/projects?pageSize=200"),
            ("公示栏", "/notices", $"{assessmentUrl}/public/notices?pageSize=20"),
            ("公示", $"/notices/{noticeId}", $"{assessmentUrl}/notices/{noticeId}?pageSize=50"),
            ("公示打印", $"/notices/{noticeId}/print", $"{assessmentUrl}/notices/{noticeId}?pageSize=200"),
            ("项目列表", "/projects", $"{projectsUrl}/public/projects?pageSize=200"),
            ("项目", $"/projects/{projectId}", $"{projectsUrl}/public/projects/{projectId}"),
            ("诉求查询", $"/requests?ref={reference}", $"{projectsUrl}/public/requests/{reference}"),
            ("回音壁", "/echo-wall", $"{projectsUrl}/public/echo-wall?pageSize=20"),
            ("本周星期二 (API only)", "/", $"{pairingUrl}/public/this-tuesday"),
        ];

        Console.WriteLine($"{readers} concurrent readers, {seconds} s per measurement, after a 2 s warm-up each; API calls with a service token");
        Console.WriteLine($"{"page",-22} {"page p50",9} {"page p95",9} {"API p50",8} {"API p95",8} {"portal adds",12} {"pages/s",8} {"weight KB",10}");
        foreach (var (page, path, apiUrl) in pages)
        {
            var pageUrl = portalUrl.TrimEnd('/') + path;
            var apiOnly = page.EndsWith("(API only)", StringComparison.Ordinal);
            var api95 = await MeasureAsync(http, () => api(apiUrl), readers, seconds, ct);
            var page95 = apiOnly ? null : await MeasureAsync(http, () => new HttpRequestMessage(HttpMethod.Get, pageUrl), readers, seconds, ct);
            var weight = apiOnly ? double.NaN : await WeightAsync(http, pageUrl, ct) / 1024.0;
            Console.WriteLine(page95 is { } p
                ? $"{page,-22} {p.P50,9:F1} {p.P95,9:F1} {api95.P50,8:F1} {api95.P95,8:F1} {p.P95 - api95.P95,12:F1} {p.Rate,8:F0} {weight,10:F1}"
                : $"{page,-22} {"",9} {"",9} {api95.P50,8:F1} {api95.P95,8:F1} {"",12} {"",8} {"",10}");
        }

        Console.WriteLine("targets: page p95 ≤ 100 ms at 20 readers, the portal adding ≤ 30 ms to its API call; weight ≤ 300 KB (ms, KB)");
        return 0;
    }

    private static HttpRequestMessage Authorised(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private sealed record Figures(double P50, double P95, double Rate);

    private static async Task<Figures> MeasureAsync(HttpClient http, Func<HttpRequestMessage> request, int readers, int seconds, CancellationToken ct)
    {
        await RunAsync(http, request, readers, TimeSpan.FromSeconds(2), [], ct);
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        await RunAsync(http, request, readers, TimeSpan.FromSeconds(seconds), times, ct);
        var sorted = times.Order().ToArray();
        return new Figures(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length / clock.Elapsed.TotalSeconds);
    }

    private static async Task RunAsync(HttpClient http, Func<HttpRequestMessage> request, int readers, TimeSpan duration, List<double> times, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, readers).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request(), ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
                }

                lock (times)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }));
    }

    /// <summary>The HTML and every stylesheet and script it links, as a first visit loads them.</summary>
    private static async Task<long> WeightAsync(HttpClient http, string pageUrl, CancellationToken ct)
    {
        var html = await http.GetByteArrayAsync(pageUrl, ct);
        long total = html.Length;
        var text = System.Text.Encoding.UTF8.GetString(html);
        foreach (Match m in Assets().Matches(text))
        {
            // The pages carry <base href="/">: a relative asset is relative to the portal's root.
            var asset = m.Groups[1].Value;
            total += (await http.GetByteArrayAsync(new Uri(new Uri(pageUrl), asset.StartsWith('/') ? asset : "/" + asset), ct)).Length;
        }

        return total;
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex Assets();

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
