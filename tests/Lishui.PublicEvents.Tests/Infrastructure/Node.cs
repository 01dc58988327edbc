using System.Diagnostics;

namespace Lishui.PublicEvents.Tests.Infrastructure;

/// <summary>Runs node programs of the test (the external subscriber, the AsyncAPI CLI); installs their packages with <c>npm ci</c> when missing.</summary>
public static class Node
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lishui.PublicEvents.Tests", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Lishui.PublicEvents.Tests/{name} not found above {AppContext.BaseDirectory}");
    }

    public static async Task EnsureInstalledAsync(string folder)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                return;
            }

            var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, new Dictionary<string, string>(), TimeSpan.FromMinutes(15));
            Assert.True(code == 0, $"npm ci in {folder} failed ({code}):\n{output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
