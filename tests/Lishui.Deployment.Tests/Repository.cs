using System.Diagnostics;

namespace Lishui.Deployment.Tests;

/// <summary>Paths in the repository and the command-line tools the checks run.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string K8s => Path.Combine(Root, "deploy", "k8s");

    public static string Validator => Path.Combine(K8s, "validate");

    public static string Overlay(string name) => Path.Combine(K8s, "overlays", name);

    /// <summary>The overlays town IT applies: every folder under deploy/k8s/overlays.</summary>
    public static IReadOnlyList<string> Overlays { get; } =
        Directory.GetDirectories(Path.Combine(K8s, "overlays")).Select(Path.GetFileName).OfType<string>().Order().ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Lishui.Platform.sln not found above {AppContext.BaseDirectory}");
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string Describe(string command) => $"'{command}' exited with {ExitCode}:\n{Output}\n{Error}".TrimEnd();
}

public static class Tool
{
    /// <summary>Runs a program to completion; a missing program is reported by name, not as a stack trace.</summary>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' could not be started ({e.Message}); it must be on PATH for these checks.", e);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds:F0} s.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
