using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Membership;
using Lishui.Membership.Data;
using Lishui.Notification;
using Lishui.Notification.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Benchmarks;

/// <summary>
/// HTTP command → notification stored: POST /members to Membership (in process, real Kestrel) →
/// outbox → relay → MemberRegistered → Notification's welcome consumer stores the inbox
/// notification, measured by <see cref="LatencyRun"/>. First the same chain written by hand
/// (<see cref="LatencyFloor"/>) runs under the same load, so the platform's figures stand beside a
/// floor measured in the same run, on the same machine and servers.
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var servers = Servers.FromEnvironment();
        var load = new LatencyLoad(options.Int("rate", 200), options.Int("seconds", 60), options.Int("warmup-seconds", 5));
        Console.WriteLine($"latency: {load.Rate} registrations/s for {load.Seconds} s (after {load.WarmupSeconds} s warm-up), POST → welcome notification stored");
        Console.WriteLine("the floor first: the same chain and guarantees written by hand (minimal API, Npgsql, RabbitMQ.Client)");
        var floor = await LatencyFloor.MeasureAsync(servers, load, ct);
        Console.WriteLine("then the platform: Membership and Notification in this process");
        var platform = await MeasurePlatformAsync(servers, load, ct);
        Print(floor, platform);
        platform.Statements?.Print("The platform's", platform.Registered, "registration");
        return 0;
    }

    private static async Task<LatencyFigures> MeasurePlatformAsync(Servers servers, LatencyLoad load, CancellationToken ct)
    {
        var membershipDb = await servers.CreateDatabaseAsync("bench_membership", ct);
        var notificationDb = await servers.CreateDatabaseAsync("bench_notification", ct);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var queues = new List<string>();
        try
        {
            await using (var db = new MembershipDbContext(new DbContextOptionsBuilder<MembershipDbContext>().UseNpgsql(membershipDb).Options))
            {
                await db.Database.MigrateAsync(ct);
            }

            await using (var db = new NotificationDbContext(new DbContextOptionsBuilder<NotificationDbContext>().UseNpgsql(notificationDb).Options))
            {
                await db.Database.MigrateAsync(ct);
                await db.Database.ExecuteSqlRawAsync(LatencyRun.StoredTrigger, ct);
            }

            var common = new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = servers.RabbitMq.ToString(),
                ["Messaging:EndpointPrefix"] = prefix,
            };
            await using var notification = await InProcessService.StartAsync(
                new Dictionary<string, string?>(common) { [$"ConnectionStrings:{NotificationDbContext.ConnectionName}"] = notificationDb },
                b => b.AddNotification(), a => a.MapNotificationApi(), ct);
            queues.AddRange(ServiceQueues.Declared(notification.Services));
            using (var ready = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                ready.CancelAfter(TimeSpan.FromMinutes(2));
                await notification.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, ready.Token);
            }

            await using var membership = await InProcessService.StartAsync(
                new Dictionary<string, string?>(common)
                {
                    [$"ConnectionStrings:{MembershipDbContext.ConnectionName}"] = membershipDb,
                    ["PersonalData:EncryptionKey"] = Environment.GetEnvironmentVariable("PersonalData__EncryptionKey") ?? RandomKey(),
                    ["PersonalData:HashKey"] = Environment.GetEnvironmentVariable("PersonalData__HashKey") ?? RandomKey(),
                },
                b => b.AddMembership(), a => a.MapMembershipApi(), ct);
            queues.AddRange(ServiceQueues.Declared(membership.Services));

            var town = await CreateAsync(membership.Client, "/organisations", new { name = "里水镇党委", kind = "PartyCommittee" }, ct);
            var branch = await CreateAsync(membership.Client, "/organisations", new { name = "鹤峰村党委", kind = "Branch", parentId = town }, ct);

            return await LatencyRun.MeasureAsync(servers, membership.Client, "/members", branch, notificationDb,
                new Dictionary<string, string> { ["Membership"] = membershipDb, ["Notification"] = notificationDb }, load, ct);
        }
        finally
        {
            await servers.DeleteQueuesAsync(queues);
            await servers.DropDatabaseAsync(membershipDb);
            await servers.DropDatabaseAsync(notificationDb);
        }
    }

    /// <summary>The floor and the platform side by side, with the targets the platform is held to.</summary>
    private static void Print(LatencyFigures floor, LatencyFigures platform)
    {
        static string Verdict(bool met) => met ? "met" : "NOT met";
        void Row(string name, Func<LatencyFigures, string> figure, string target = "") =>
            Console.WriteLine($"{name,-40} {figure(floor),12} {figure(platform),12}   {target}".TrimEnd());
        static Func<LatencyFigures, string> Ms(Func<LatencyFigures, double[]> sorted, double p) =>
            f => $"{LatencyRun.Percentile(sorted(f), p):F1}";
        static Func<LatencyFigures, string> PerRegistration(Func<LatencyFigures, TimeSpan> cpu) =>
            f => $"{f.PerRegistration(cpu(f)):F1}";
        static double Statements(LatencyFigures f) => f.Statements is { } s ? f.PerRegistration(s.Calls) : double.NaN;

        Console.WriteLine();
        Console.WriteLine($"{"",-40} {"floor",12} {"platform",12}   target (platform)");
        Console.WriteLine(new string('-', 90));
        Row("requests sent / answered 201", f => $"{f.Load.Requests}/{f.Registered}");
        Row("notifications stored / missing", f => $"{f.Latencies.Length}/{f.Missing}");
        Row("p50 ms (request start → notification)", Ms(f => f.Latencies, 0.50));
        Row("p95 ms", Ms(f => f.Latencies, 0.95));
        var p99 = LatencyRun.Percentile(platform.Latencies, 0.99);
        Row("p99 ms", Ms(f => f.Latencies, 0.99), $"≤ 50      {Verdict(p99 <= 50)}");
        Row("max ms", f => $"{(f.Latencies.Length > 0 ? f.Latencies[^1] : double.NaN):F1}");
        Row("POST p99 ms (request start → 201)", Ms(f => f.PostTimes, 0.99));
        Row("SQL statements per registration", f => f.Statements is null ? "n/a" : $"{Statements(f):F1}",
            $"≤ 12      {(platform.Statements is null ? "not counted" : Verdict(Statements(platform) <= 12))}");
        var stackFound = floor.StackServers == 2 && platform.StackServers == 2;
        Row("stack CPU ms per registration", PerRegistration(f => f.StackCpu),
            $"≤ 8       {(stackFound ? Verdict(platform.PerRegistration(platform.StackCpu) <= 8) : "servers not found")}");
        Row("  this process", PerRegistration(f => f.StackParts.GetValueOrDefault(0)));
        Row("  PostgreSQL", PerRegistration(f => f.StackParts.GetValueOrDefault(1)));
        Row("  RabbitMQ", PerRegistration(f => f.StackParts.GetValueOrDefault(2)));
        Row("machine CPU ms per registration", PerRegistration(f => f.Cpu.Machine));
        Console.WriteLine();
        Console.WriteLine($"failed: refused, errors, or not sent while {LatencyRun.MaxInFlight} requests were already waiting (the rate is beyond what the chain keeps up with)");
        Console.WriteLine("stack: this process (the load's HTTP client, and the floor's API, relay and consumer or the platform's Membership and Notification) " +
            "and the servers on the benchmark's PostgreSQL and RabbitMQ ports with their children; other work on a shared machine left out" +
            (stackFound ? string.Empty : " (servers not found on this machine: the figures lack them)"));
        Console.WriteLine($"{Environment.ProcessorCount} cores carry at most about {Environment.ProcessorCount * 1000 / floor.PerRegistration(floor.Cpu.Machine):F0} registrations/s of the floor, " +
            $"{Environment.ProcessorCount * 1000 / platform.PerRegistration(platform.Cpu.Machine):F0} of the platform (machine CPU, over {floor.Cpu.Elapsed.TotalSeconds:F0} s and {platform.Cpu.Elapsed.TotalSeconds:F0} s)");
        Console.WriteLine($"warm-up requests {floor.Warm} and {platform.Warm}, not counted; statements, CPU and stored notifications counted after the warm-up's were stored");
    }

    /// <summary>Membership's personal-data keys come from the secret store in production; a run makes its own.</summary>
    public static string RandomKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(path, body, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }
}
