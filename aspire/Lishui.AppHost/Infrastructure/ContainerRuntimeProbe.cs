using System.ComponentModel;
using System.Diagnostics;

namespace Lishui.AppHost.Infrastructure;

/// <summary>
/// Asks <c>docker info</c> / <c>podman info</c> whether a container engine answers. The exit code is
/// what counts: a CLI without a reachable engine exists, prints a lot and exits non-zero.
/// </summary>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <returns>The first runtime that answers, or null.</returns>
    public static string? FindUsableRuntime(string? preferred)
    {
        string[] candidates = string.IsNullOrWhiteSpace(preferred) ? ["docker", "podman"] : [preferred];
        return candidates.FirstOrDefault(Answers);
    }

    private static bool Answers(string cli)
    {
        var start = new ProcessStartInfo(cli, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            // Drain the pipes so a chatty CLI cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // CLI not installed
        }
    }
}
