using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lishui.Benchmarks.Faults;

/// <summary>Where the repository and the built services are, found from this assembly's location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the services were built with the configuration this assembly was built with.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ServiceDll(string service) =>
        Path.Combine(Root, "services", service, $"Lishui.{service}", "bin", Configuration, "net10.0", $"Lishui.{service}.dll");

    public static string Script(string name) => Path.Combine(Root, "deploy", "local", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lishui.Platform.sln not found above " + AppContext.BaseDirectory);
    }
}

public static class Shell
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {output}");
        }

        return output;
    }

    /// <summary>
    /// A port nobody listens on now, below Linux's ephemeral range (32768–60999): a port the OS hands
    /// out for port 0 is one it may give the next outgoing connection, and on a busy machine some
    /// client took it before the server could bind it. 27000–32767 also stays clear of test.sh's servers.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(27000, 32768);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("No free port between 27000 and 32767.");
    }

    public static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}

/// <summary>A PostgreSQL 15 cluster of its own (deploy/local/pg-start.sh --throwaway), restartable with its data.</summary>
public sealed class ThrowawayPostgres(string name, int port, string baseDir) : IAsyncDisposable
{
    private Dictionary<string, string> Env => new() { ["PG_BASE"] = baseDir };

    public string Server => $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Timeout=5";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(baseDir);
        File.SetUnixFileMode(baseDir, File.GetUnixFileMode(baseDir) | UnixFileMode.OtherExecute);
        await Shell.RunAsync(Repository.Script("pg-start.sh"), [name, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--throwaway"], Env);
    }

    /// <summary>
    /// pg_ctl restart -m fast: open sessions are rolled back and every client connection breaks,
    /// then the server starts again on the same data. (pg-start.sh would refuse the port while the
    /// clients' broken connections still linger on it.)
    /// </summary>
    public Task RestartAsync()
    {
        var dir = Path.Combine(baseDir, name);
        return Shell.RunAsync("bash", ["-c",
            $"cd '{dir}' && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D '{dir}/data' -l '{dir}/postgres.log' -m fast -w -t 60 restart > /dev/null"]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Shell.RunAsync(Repository.Script("pg-stop.sh"), [name, "--purge"], Env);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  (pg-stop: {e.Message})");
        }
    }
}

/// <summary>
/// A RabbitMQ node of its own (deploy/local/rabbitmq-start.sh). <see cref="KillAsync"/> is kill -9 of
/// the broker; <see cref="RestartAsync"/> starts the node again on its existing data (the start
/// script would wipe it), as a supervisor restarting a crashed broker does.
/// </summary>
public sealed class ThrowawayRabbitMq(string name, int port, string baseDir) : IAsyncDisposable
{
    private readonly int distPort = Shell.FreePort();
    private readonly int epmdPort = Shell.FreePort();

    private string Dir => Path.Combine(baseDir, name);

    private Dictionary<string, string> Env => new()
    {
        ["RMQ_BASE"] = baseDir,
        ["RMQ_DIST_PORT"] = distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RMQ_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Uri Uri => new($"amqp://guest:guest@127.0.0.1:{port}/");

    public Task StartAsync() => Shell.RunAsync(Repository.Script("rabbitmq-start.sh"), [name, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], Env, TimeSpan.FromMinutes(4));

    public async Task KillAsync()
    {
        var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(Dir, "launcher.pid"))).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Shell.RunAsync("kill", ["-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var process = Process.GetProcessById(pid);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }

    public async Task RestartAsync()
    {
        var script = $"""
            . '{Dir}/env.sh'
            cd '{Dir}'
            RABBITMQ_ALLOW_INPUT=true RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-noinput -start_epmd false -kernel inet_dist_use_interface {"{"}127,0,0,1{"}"}" \
              setsid /usr/lib/rabbitmq/bin/rabbitmq-server >> '{Dir}/stdout.log' 2>&1 < /dev/null &
            echo $! > '{Dir}/launcher.pid'
            """;
        await Shell.RunAsync("bash", ["-c", script]);
        await Shell.WaitForPortAsync(port, TimeSpan.FromMinutes(3));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Shell.RunAsync(Repository.Script("rabbitmq-stop.sh"), [name, "--purge"], Env);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  (rabbitmq-stop: {e.Message})");
        }
    }
}

/// <summary>A built service run as its own process (<c>dotnet Lishui.X.dll</c>), configured through its environment.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string service;
    private readonly IDictionary<string, string> environment;
    private readonly string logFile;
    private readonly string assembly;
    private readonly IReadOnlyList<string> arguments;
    private Process? process;

    /// <param name="assembly">What <c>dotnet</c> runs: the service's built DLL unless given (the footprint's empty app).</param>
    public ServiceProcess(string service, IDictionary<string, string> environment, string logFile, string? assembly = null, IReadOnlyList<string>? arguments = null)
    {
        this.service = service;
        this.assembly = assembly ?? Repository.ServiceDll(service);
        this.arguments = arguments ?? [];
        this.environment = environment;
        this.logFile = logFile;
        Port = Shell.FreePort();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Lishui.Testing.TestTokens.TownAdministrator("fault-run"));
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public int? Pid => process?.Id;

    /// <summary>Starts the process and returns how long it took until /health answered 200.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        // Production in all but name, so the process accepts this run's signing key (Production would refuse it).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        foreach (var (k, v) in Lishui.Testing.TestTokens.Settings)
        {
            start.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {service}");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{service} exited with {process.ExitCode} while starting; see {logFile}");
            }

            try
            {
                using var response = await Client.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or its first health check is still running
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{service} not healthy after {timeout}; see {logFile}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Resident set size now, from /proc.</summary>
    public long RssBytes()
    {
        var line = File.ReadLines($"/proc/{process!.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>kill -9: no shutdown hooks, no acks, no commits.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: false); // SIGKILL on Linux
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            await Shell.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
    }
}
