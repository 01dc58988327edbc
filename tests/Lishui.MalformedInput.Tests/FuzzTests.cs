using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Lishui.MalformedInput.Tests;

/// <summary>
/// A seeded fuzz of every operation of each service's OpenAPI document, as a town administrator: requests
/// generated valid from the document, most of them broken in one to three ways, several in flight at once.
/// No answer is a 5xx or missing, every refusal is a problem, and a refused write leaves its marker in no table.
/// LISHUI_FUZZ_SEED replays a run; LISHUI_FUZZ_ONLY (case numbers, comma separated) sends only those cases of it.
/// </summary>
[Collection(FiveServicesCollection.Name)]
public sealed class FuzzTests(FiveServices services, ITestOutputHelper output)
{
    public const int DefaultSeed = 20250304;
    public const int RequestsPerService = 2_000;
    public const int InFlight = 8;

    public static TheoryData<string> Services => MalformedInputTests.Services;

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Generated_requests_broken_at_random_never_fail_the_server(string name)
    {
        var service = services.All.Single(s => s.Name == name);
        var baseSeed = Environment.GetEnvironmentVariable("LISHUI_FUZZ_SEED") is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : DefaultSeed;
        var seed = ServiceSeed(baseSeed, name);
        var markerPrefix = $"fz{name[..3]}{(uint)seed:x8}";
        var operations = await Operation.ReadAsync(service.Client);
        var plans = FuzzCases.Plan(operations, RequestsPerService, seed);
        var only = Environment.GetEnvironmentVariable("LISHUI_FUZZ_ONLY") is { Length: > 0 } list
            ? list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToHashSet()
            : null;
        var outcomes = new Outcome?[plans.Count];

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(only is null ? plans : plans.Where(p => only.Contains(p.Index)), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (plan, _) => outcomes[plan.Index] = await SendAsync(service.Client, FuzzCases.Build(plan, markerPrefix)));
        var elapsed = clock.Elapsed;

        // Every refused broken write is read back, not just a sample: one pass per table finds all markers.
        clock.Restart();
        var present = await service.MarkersAsync(FuzzCases.MarkerPattern(markerPrefix));
        var readBack = clock.Elapsed;
        var sent = outcomes.OfType<Outcome>().ToList();
        var refusedWrites = sent.Where(o => o.IsWrite && o.Mutations.Count > 0 && o.Status is >= 400 and < 500).ToList();
        var acceptedWrites = sent.Where(o => o.IsWrite && o.Status is >= 200 and < 300).ToList();
        var findings = sent.Where(o => o.Wrong is not null).Select(o => $"{o.Request}: {o.Wrong}")
            .Concat(refusedWrites.Where(o => present.Contains(o.Marker)).Select(o => $"{o.Request}: refused with {o.Status}, yet its marker {o.Marker} is in the database"))
            .ToList();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"fuzz {name}: seed {seed} (LISHUI_FUZZ_SEED={baseSeed}), {sent.Count} requests over {operations.Count} operations "
            + $"({operations.Count(o => o.IsWrite)} writes), {InFlight} in flight; sent in {elapsed.TotalSeconds:F1} s, read back in {readBack.TotalSeconds:F1} s");
        var statuses = sent.Select(o => o.Status).ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"  status classes: 2xx {statuses.Count(s => s is >= 200 and < 300)}, 3xx {statuses.Count(s => s is >= 300 and < 400)}, "
            + $"4xx {statuses.Count(s => s is >= 400 and < 500)}, 5xx {statuses.Count(s => s >= 500)}, no answer {statuses.Count(s => s is null)}");
        report.AppendLine("  status codes: " + string.Join(", ", statuses.GroupBy(s => s?.ToString(CultureInfo.InvariantCulture) ?? "none").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        report.AppendLine("  by mutation (requests: 2xx/4xx/5xx):");
        foreach (var kind in sent.SelectMany(o => o.Mutations.Count > 0 ? o.Mutations : ["none (valid)"]).Distinct().Order(StringComparer.Ordinal))
        {
            var with = sent.Where(o => kind == "none (valid)" ? o.Mutations.Count == 0 : o.Mutations.Contains(kind)).Select(o => o.Status).ToList();
            report.AppendLine(CultureInfo.InvariantCulture, $"    {kind,-26} {with.Count,5}: {with.Count(s => s is >= 200 and < 300)}/{with.Count(s => s is >= 400 and < 500)}/{with.Count(s => s is null or >= 500)}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"  read back: {refusedWrites.Count} refused broken writes, {refusedWrites.Count(o => present.Contains(o.Marker))} of them found written; "
            + $"{acceptedWrites.Count(o => present.Contains(o.Marker))} of {acceptedWrites.Count} accepted writes found (not every write keeps its text in the clear)");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {findings.Count} findings");
        foreach (var finding in findings.Take(100))
        {
            report.AppendLine("    " + finding);
        }

        output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());

        Assert.True(only is not null || sent.Count >= RequestsPerService, $"only {sent.Count} requests sent to {name}");
        Assert.True(only is not null || refusedWrites.Count >= 100, $"only {refusedWrites.Count} refused writes read back in {name}");
        Assert.Empty(findings);
    }

    /// <summary>What became of one request; the request itself (its body may be large) is not kept.</summary>
    private sealed record Outcome(string Request, IReadOnlyList<string> Mutations, string Marker, bool IsWrite, int? Status, string? Wrong);

    private static async Task<Outcome> SendAsync(HttpClient client, FuzzCase c)
    {
        var (status, wrong) = await AnswerAsync(client, c);
        return new Outcome(c.ToString(), c.Mutations, c.Marker, c.Operation.IsWrite, status, wrong is null ? null : wrong + Excerpt(c));
    }

    private static async Task<(int? Status, string? Wrong)> AnswerAsync(HttpClient client, FuzzCase c)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Operation.Method), c.Target);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }

        foreach (var (name, value) in c.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        try
        {
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var wrong = status >= 400 ? await ProblemCheck.JudgeAsync(response, null) : null;
            return (status, wrong);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (null, $"no answer ({e.GetType().Name}: {e.Message})");
        }
    }

    private static string Excerpt(FuzzCase c)
    {
        if (c.Body is not { Length: > 0 } body)
        {
            return "";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 240));
        return $" — body ({body.Length} bytes, {c.ContentType ?? "no type"}): {text.ReplaceLineEndings(" ")}";
    }

    /// <summary>Each service its own sequence from one seed, stable across runs and machines (string.GetHashCode is not).</summary>
    private static int ServiceSeed(int seed, string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Math.Abs(unchecked(seed * 31 + (int)hash) % 1_000_000_000);
    }
}
