using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Logs once, at the first healthy readiness answer, what the start cost: time since the process
/// began, the CPU it used, and how many methods the JIT compiled meanwhile (with the time compiling,
/// summed over threads as wall clock, so it grows on a busy machine where CPU time does not). A cold
/// start is mostly CPU on a small node, so this says where it went (the footprint benchmark reads it).
/// </summary>
public static partial class StartupReport
{
    /// <summary>The log category, which a benchmark may turn on alone.</summary>
    public const string Category = "Lishui.Startup";

    private static int reported;

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            LogOnce(context.RequestServices);
        }

        // What the default writer answers: the status as plain text.
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(report.Status.ToString());
    }

    /// <summary>The report, the first time only (the footprint benchmark's empty API calls it too, as its floor).</summary>
    public static void LogOnce(IServiceProvider services)
    {
        if (Interlocked.Exchange(ref reported, 1) != 0)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        Ready(services.GetRequiredService<ILoggerFactory>().CreateLogger(Category),
            (DateTime.Now - process.StartTime).TotalMilliseconds,
            Environment.CpuUsage.TotalTime.TotalMilliseconds,
            JitInfo.GetCompilationTime().TotalMilliseconds,
            JitInfo.GetCompiledMethodCount(),
            AppDomain.CurrentDomain.GetAssemblies().Length);
    }

    [LoggerMessage(LogLevel.Information,
        "Ready after {ElapsedMs:F0} ms: CPU {CpuMs:F0} ms; JIT {JitMethods} methods in {JitMs:F0} ms; {Assemblies} assemblies loaded")]
    private static partial void Ready(ILogger log, double elapsedMs, double cpuMs, double jitMs, long jitMethods, int assemblies);
}
