using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Lishui.Testing;

/// <summary>
/// Lints an OpenAPI document with Spectral and the repository's ruleset (<c>.spectral.yaml</c>: Spectral's
/// standard OpenAPI rules). The CLI is pinned in tests/openapi-lint and installed there with <c>npm ci</c>
/// the first time, so <c>dotnet test</c> works on a fresh clone with node and npm on PATH.
/// </summary>
public static class SpectralLint
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public sealed record Finding(string Severity, string Code, string Path, int Line, string Message)
    {
        public override string ToString() => $"{Severity} {Code} at {Path} (line {Line}): {Message}";
    }

    /// <summary>Lints the document, writes every finding to the test output and fails on any error or warning.</summary>
    public static async Task AssertCleanAsync(string name, string document, Xunit.Abstractions.ITestOutputHelper output)
    {
        var findings = await LintAsync(name, document);
        var failing = findings.Where(f => f.Severity is "error" or "warning").ToList();
        output.WriteLine($"Spectral on {name}: {findings.Count(f => f.Severity == "error")} errors, {findings.Count(f => f.Severity == "warning")} warnings, {findings.Count - failing.Count} info/hints");
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        Assert.True(failing.Count == 0, $"Spectral found {failing.Count} errors and warnings in {name}'s OpenAPI document:\n" + string.Join('\n', failing));
    }

    public static async Task<IReadOnlyList<Finding>> LintAsync(string name, string document)
    {
        await EnsureInstalledAsync();
        var file = Path.Combine(Path.GetTempPath(), $"lishui-openapi-{name}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exit, stdout, stderr) = await RunAsync("node",
                [Path.Combine("node_modules", "@stoplight", "spectral-cli", "dist", "index.js"), "lint", file,
                    "--ruleset", Path.Combine(Root, ".spectral.yaml"), "--format", "json", "--quiet", "--fail-severity", "error"],
                ToolDirectory, TimeSpan.FromMinutes(3));
            var json = stdout.Trim();
            if (!json.StartsWith('['))
            {
                throw new InvalidOperationException($"Spectral exited with {exit} without a JSON report:\n{stdout}\n{stderr}");
            }

            using var report = JsonDocument.Parse(json[..(json.LastIndexOf(']') + 1)]);
            return report.RootElement.EnumerateArray().Select(r => new Finding(
                r.GetProperty("severity").GetInt32() switch { 0 => "error", 1 => "warning", 2 => "info", _ => "hint" },
                r.GetProperty("code").ToString(),
                string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString())),
                r.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1,
                r.GetProperty("message").GetString() ?? string.Empty)).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Root { get; } = FindRoot();

    private static string ToolDirectory => Path.Combine(Root, "tests", "openapi-lint");

    /// <summary>
    /// <c>npm ci</c> once: the test projects of the five services run in parallel processes, so a lock
    /// file keeps them from installing into the same folder at once.
    /// </summary>
    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            using var gate = await LockAsync(Path.Combine(ToolDirectory, ".install.lock"), TimeSpan.FromMinutes(6));
            var installed = new FileInfo(Path.Combine(ToolDirectory, "node_modules", ".package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(ToolDirectory, "package-lock.json")))
            {
                return;
            }

            var (exit, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ToolDirectory, TimeSpan.FromMinutes(5));
            if (exit != 0)
            {
                throw new InvalidOperationException($"'npm ci' in tests/openapi-lint exited with {exit}:\n{stdout}\n{stderr}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<FileStream> LockAsync(string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, IEnumerable<string> args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' could not be started ({e.Message}); node and npm must be on PATH for the OpenAPI lint.", e);
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

        return (process.ExitCode, await output, await error);
    }

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
