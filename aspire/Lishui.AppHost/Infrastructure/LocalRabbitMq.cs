using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Lishui.AppHost.Infrastructure;

/// <summary>The Debian rabbitmq-server package's broker, run by the app host as a process.</summary>
public sealed class LocalRabbitMqResource(string name, string stateDir)
    : ExecutableResource(name, LocalRabbitMq.ServerPath, stateDir), IResourceWithConnectionString
{
    public EndpointReference Amqp => new(this, "amqp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@{Amqp.Property(EndpointProperty.Host)}:{Amqp.Property(EndpointProperty.Port)}");
}

public static class LocalRabbitMq
{
    // Not /usr/sbin/rabbitmq-server: that wrapper switches to the 'rabbitmq' user and its Erlang cookie.
    public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string EpmdPath = "/usr/bin/epmd";

    public static bool IsInstalled => File.Exists(ServerPath) && File.Exists(EpmdPath);

    /// <summary>
    /// A broker whose data lives in <paramref name="stateDir"/> (fixed node name, so it survives
    /// restarts), on ports Aspire allocates, with its own epmd as a separate resource.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string stateDir, bool management)
    {
        WriteConfiguration(stateDir, management);
        var epmd = builder.AddEpmd($"{name}-epmd", stateDir);
        var rabbit = new LocalRabbitMqResource(name, stateDir);
        builder.Services.AddHealthChecks().AddCheck($"{name}-amqp", new AmqpLoginCheck(rabbit));

        var resource = builder.AddResource(rabbit)
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment("HOME", stateDir) // the Erlang cookie is read from $HOME
            .WithEnvironment("RABBITMQ_NODENAME", "rabbit@localhost") // the data folder is named after the node
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(stateDir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(stateDir, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(stateDir, "rabbit.pid"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(stateDir, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(stateDir, "advanced.config"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(stateDir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(stateDir, "rabbitmq-env.conf"))
            .WithEnvironment("ERL_EPMD_PORT", epmd.GetEndpoint("tcp").Property(EndpointProperty.TargetPort))
            // The script then 'exec's erl: beam.smp is DCP's own child, gets its SIGTERM directly,
            // and a failed boot exits non-zero (the script's default mode always exits 0).
            .WithEnvironment("RABBITMQ_ALLOW_INPUT", "true")
            // epmd is the resource above; the node's distribution port stays on loopback too.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-noinput -start_epmd false -kernel inet_dist_use_interface {127,0,0,1}")
            .WaitFor(epmd)
            .WithHealthCheck($"{name}-amqp");

        if (management)
        {
            // The port is known only at launch, so it goes in as an erl argument (the script passes "$@" on).
            var port = new EndpointReference(rabbit, "management").Property(EndpointProperty.TargetPort);
            resource.WithHttpEndpoint(name: "management", isProxied: false)
                .WithArgs("-rabbitmq_management", "tcp_config", ReferenceExpression.Create($"[{{port,{port}}},{{ip,\"127.0.0.1\"}}]"));
        }

        return resource;
    }

    /// <summary>
    /// epmd in the foreground on its own port: otherwise erl spawns an 'epmd -daemon' on 4369
    /// that is nobody's child and outlives the app host.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddEpmd(this IDistributedApplicationBuilder builder, string name, string workingDirectory)
    {
        var epmd = builder.AddExecutable(name, EpmdPath, workingDirectory, "-address", "127.0.0.1")
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false);
        var endpoint = epmd.GetEndpoint("tcp");
        builder.Services.AddHealthChecks().AddAsyncCheck($"{name}-names", async ct =>
        {
            try
            {
                // A NAMES_REQ; a bare connect-and-close makes epmd log "got partial packet only".
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", endpoint.Port, ct);
                var stream = client.GetStream();
                await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, ct);
                await stream.ReadExactlyAsync(new byte[4], ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        return epmd.WithHealthCheck($"{name}-names");
    }

    private static void WriteConfiguration(string stateDir, bool management)
    {
        Directory.CreateDirectory(Path.Combine(stateDir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(stateDir, "log"));
        var cookie = Path.Combine(stateDir, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            File.WriteAllText(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookie, UnixFileMode.UserRead); // Erlang refuses a cookie others can read
            }
        }

        File.WriteAllText(Path.Combine(stateDir, "rabbitmq.conf"), """
            loopback_users.guest = true
            disk_free_limit.absolute = 50MB
            log.console = true
            log.console.level = info
            log.console.use_colors = off
            log.file = rabbit.log
            log.file.level = info
            """);
        File.WriteAllText(Path.Combine(stateDir, "advanced.config"), "[].\n");
        File.WriteAllText(Path.Combine(stateDir, "enabled_plugins"), management ? "[rabbitmq_management].\n" : "[].\n");
        File.WriteAllText(Path.Combine(stateDir, "rabbitmq-env.conf"), ""); // keeps /etc/rabbitmq/rabbitmq-env.conf out
    }

    /// <summary>
    /// Healthy once guest can log in over AMQP. Polls inside one run: Aspire re-runs a failing
    /// check only after 1, 2, 3... seconds, which would add seconds to every start.
    /// </summary>
    private sealed class AmqpLoginCheck(LocalRabbitMqResource rabbit) : IHealthCheck
    {
        private IConnection? _connection; // kept open, like AspNetCore.HealthChecks.RabbitMQ

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (_connection is { IsOpen: true })
            {
                return HealthCheckResult.Healthy();
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri($"amqp://guest:guest@127.0.0.1:{rabbit.Amqp.Port}/"),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health-check",
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            var until = DateTime.UtcNow.AddSeconds(5);
            while (true)
            {
                try
                {
                    _connection = await factory.CreateConnectionAsync(ct);
                    return HealthCheckResult.Healthy();
                }
                catch (Exception e) when (!ct.IsCancellationRequested && e is not OperationCanceledException)
                {
                    if (DateTime.UtcNow > until)
                    {
                        return HealthCheckResult.Unhealthy(e.Message);
                    }

                    await Task.Delay(250, ct);
                }
            }
        }
    }
}
