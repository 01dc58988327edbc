using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Lishui.AppHost.Infrastructure;

/// <summary>The Debian postgresql-15 server, run by the app host as the 'postgres' OS user.</summary>
public sealed class LocalPostgresResource(string name, string stateDir)
    : ExecutableResource(name, "/bin/sh", stateDir)
{
    public EndpointReference Tcp => new(this, "tcp");

    /// <summary>Databases created once the server is up (Aspire's AddDatabase belongs to the container resource).</summary>
    public List<string> Databases { get; } = [];

    // Trust authentication on loopback: the password in the services' connection strings is ignored.
    internal string AdminConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Tcp.Port};Username=postgres;Database={database};Pooling=false;Timeout=3";
}

public static class LocalPostgres
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    public const string ServerPath = BinDir + "/postgres";

    public static bool IsInstalled => File.Exists(ServerPath);

    // Runs postgres as 'postgres' and turns DCP's SIGTERM into SIGINT (fast shutdown). Plain runuser
    // SIGKILLs postgres 2 s after SIGTERM while a client is connected, leaving an unclean cluster.
    private const string Launcher = """
        setpriv --reuid=postgres --regid=postgres --init-groups -- "$@" &
        pid=$!
        trap 'kill -INT $pid' TERM INT
        wait $pid; rc=$?
        while kill -0 $pid 2>/dev/null; do wait $pid; rc=$?; done
        exit $rc
        """;

    // Idempotent: creates the cluster on first start only, so data survives restarts.
    private const string InitDb = $"""
        set -e
        dir=$1; data=$1/data
        mkdir -p "$dir"; chown postgres: "$dir"; chmod 700 "$dir"
        if [ -f "$data/PG_VERSION" ]; then echo "cluster exists: $data"; exit 0; fi
        cd "$dir"
        runuser -u postgres -- {BinDir}/initdb -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8
        """;

    /// <summary>A server whose cluster lives in <paramref name="stateDir"/>, on a port Aspire allocates.</summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string stateDir)
    {
        EnsurePostgresUserCanReach(Path.GetDirectoryName(stateDir)!);
        var initdb = builder.AddExecutable($"{name}-initdb", "/bin/sh", "/", "-c", InitDb, "initdb", stateDir);

        var postgres = new LocalPostgresResource(name, stateDir);
        builder.Services.AddHealthChecks().AddAsyncCheck($"{name}-select1", ct => CanConnectAsync(postgres.AdminConnectionString(), ct));

        return builder.AddResource(postgres)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(
                "-c", Launcher, "pg-launcher",
                ServerPath, "-D", Path.Combine(stateDir, "data"),
                "-p", postgres.Tcp.Property(EndpointProperty.TargetPort),
                "-c", "listen_addresses=127.0.0.1",
                // Five services' pools, their consumers and relays under the demo load pass the default 100.
                "-c", "max_connections=300",
                "-c", $"unix_socket_directories={stateDir}")
            .WaitForCompletion(initdb)
            .WithHealthCheck($"{name}-select1")
            .OnResourceReady((server, _, ct) => CreateDatabasesAsync(server, ct));
    }

    /// <summary>
    /// A database on the local server, as a connection string resource that is healthy once the
    /// database exists (so <c>WaitFor(db)</c> waits for its creation).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalDatabase(
        this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var postgres = server.Resource;
        postgres.Databases.Add(name);
        var builder = server.ApplicationBuilder;
        builder.Services.AddHealthChecks().AddAsyncCheck($"{name}-exists", ct => CanConnectAsync(postgres.AdminConnectionString(name), ct));

        var endpoint = postgres.Tcp;
        return builder.AddConnectionString(name, ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password=postgres;Database={name}"))
            .WithParentRelationship(server)
            .WaitFor(server)
            .WithHealthCheck($"{name}-exists");
    }

    private static async Task<HealthCheckResult> CanConnectAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    private static async Task CreateDatabasesAsync(LocalPostgresResource server, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString());
        await connection.OpenAsync(ct);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>
    /// postgres must be able to enter every parent folder of its data (/root is 700): say so at
    /// once rather than let initdb fail in a resource log.
    /// </summary>
    private static void EnsurePostgresUserCanReach(string folder)
    {
        // Folders still to be created get mode 755 (root creates them), so the nearest existing one decides.
        while (!Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        using var test = Process.Start("/usr/sbin/runuser", ["-u", "postgres", "--", "test", "-x", folder])
            ?? throw new InfraSetupException("Cannot run /usr/sbin/runuser.");
        test.WaitForExit();
        if (test.ExitCode != 0)
        {
            throw new InfraSetupException(
                $"The 'postgres' OS user cannot enter {folder}. Give every parent folder o+x, or set Infra:StateDir to a folder it can reach (e.g. /var/tmp/lishui).");
        }
    }
}
