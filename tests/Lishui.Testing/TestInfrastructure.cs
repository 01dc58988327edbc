using System.Collections.Concurrent;
using Lishui.AppHost.Infrastructure;
using Npgsql;
using RabbitMQ.Client;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace Lishui.Testing;

/// <summary>
/// One real PostgreSQL server and one real RabbitMQ broker for the tests. Taken from
/// <c>LISHUI_TEST_POSTGRES</c> / <c>LISHUI_TEST_RABBITMQ</c> when set (deploy/local/test.sh and CI
/// set them), otherwise started with Testcontainers where a container runtime answers and the images
/// are present or pullable (<c>LISHUI_TEST_POSTGRES_IMAGE</c>, <c>LISHUI_TEST_RABBITMQ_IMAGE</c> name
/// them, e.g. the ones deploy/images/ builds), otherwise the tests fail with a message that says what
/// to do. Never a silent skip.
/// </summary>
public sealed class TestInfrastructure : IAsyncLifetime
{
    public const string PostgresVariable = "LISHUI_TEST_POSTGRES";
    public const string RabbitMqVariable = "LISHUI_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "LISHUI_TEST_RABBITMQ_MANAGEMENT";
    public const string PostgresImageVariable = "LISHUI_TEST_POSTGRES_IMAGE";
    public const string RabbitMqImageVariable = "LISHUI_TEST_RABBITMQ_IMAGE";

    // deploy/local/test.sh checks for the same images before it leaves the servers to Testcontainers.
    public const string DefaultPostgresImage = "postgres:15";
    public const string DefaultRabbitMqImage = "rabbitmq:3.13-management";

    private const ushort ManagementPort = 15672;

    // How long messages already routed to a queue may take to arrive once nothing routes to it.
    private static readonly TimeSpan RoutedMessagesSettle = TimeSpan.FromSeconds(1);

    // One pair of containers per test process, however many fixtures and hosts ask: two hosts of one
    // test (Membership and Notification, say) must meet on one broker, and each fixture starting its
    // own servers would cost a minute apiece. Stopped when the process exits (Ryuk may be off).
    private static readonly Lazy<Task<Servers>> Containers = new(StartContainersAsync);

    private readonly ConcurrentDictionary<string, byte> databases = new();

    /// <summary>Server-level connection string (no database); tests create their own databases.</summary>
    public string PostgresServer { get; private set; } = string.Empty;

    public Uri RabbitMq { get; private set; } = null!;

    /// <summary>RabbitMQ's management API with credentials, when the broker has one.</summary>
    public Uri? RabbitMqManagement { get; private set; }

    /// <summary>Where the infrastructure came from, for the test log.</summary>
    public string Source { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            PostgresServer = postgres;
            RabbitMq = new Uri(rabbit);
            RabbitMqManagement = Environment.GetEnvironmentVariable(RabbitMqManagementVariable) is { Length: > 0 } m ? new Uri(m) : null;
            Source = $"environment ({PostgresVariable}, {RabbitMqVariable})";
            return;
        }

        var servers = await Containers.Value;
        (PostgresServer, RabbitMq, RabbitMqManagement, Source) = (servers.Postgres, servers.RabbitMq, servers.Management, servers.Source);
    }

    private sealed record Servers(string Postgres, Uri RabbitMq, Uri Management, string Source);

    private static async Task<Servers> StartContainersAsync()
    {
        var postgresImage = Environment.GetEnvironmentVariable(PostgresImageVariable) is { Length: > 0 } p ? p : DefaultPostgresImage;
        var rabbitImage = Environment.GetEnvironmentVariable(RabbitMqImageVariable) is { Length: > 0 } r ? r : DefaultRabbitMqImage;
        var choice = ContainerRuntimeProbe.Choose(preferred: null, [postgresImage, rabbitImage]);
        if (!choice.UseContainers)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL/RabbitMQ for the tests: set {PostgresVariable} and {RabbitMqVariable} " +
                $"(deploy/local/test.sh starts throwaway servers and sets them), or run a Docker/Podman engine for Testcontainers " +
                $"with the images present or pullable ({PostgresImageVariable}, {RabbitMqImageVariable}). Containers not used: {choice.Reason}.");
        }

        var postgres = new PostgreSqlBuilder(postgresImage).Build();
        var rabbit = new RabbitMqBuilder(rabbitImage)
            .WithUsername("guest").WithPassword("guest")
            .WithPortBinding(ManagementPort, assignRandomHostPort: true)
            .Build();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(30));
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(ManagementPort)) { UserName = "guest", Password = "guest" }.Uri;
        return new Servers(
            new NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = null }.ConnectionString,
            new Uri(rabbit.GetConnectionString()),
            management,
            $"Testcontainers, shared by the process ({choice.Reason})");
    }

    public async Task DisposeAsync()
    {
        // A developer's server outlives the run: what the tests made there goes with them.
        foreach (var database in databases.Keys)
        {
            await DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Creates a fresh, uniquely named database and returns its connection string. It is dropped by
    /// <see cref="DropDatabaseAsync"/> or, at the latest, when this infrastructure is disposed.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        databases[connectionString] = 0;
        return connectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it
    /// (pooled connections, a host that did not stop): call it once nothing of the test uses it.
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        if (!databases.TryRemove(connectionString, out _))
        {
            return;
        }

        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Whether a database of that name is on the server (for tests of this clean-up).</summary>
    public async Task<bool> DatabaseExistsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(connectionString).Database!);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Deletes queues a test declared, so leftovers never receive later tests' messages.</summary>
    /// <remarks>
    /// Tests running side by side publish to the same contract exchanges. RabbitMQ 3.10 (Debian 12's)
    /// crashes a publishing channel whose first message reaches a quorum queue while that queue is
    /// being deleted (case_clause in rabbit_channel:deliver_to_queues), and the publisher then waits
    /// for a confirm that never comes. So the queue is cut off first: MassTransit binds each queue
    /// through an exchange of the same name, whose deletion removes every route to it; the queue is
    /// deleted once messages already routed have arrived.
    /// </remarks>
    public Task DeleteQueuesAsync(params string[] queues) => DeleteQueuesAsync(RabbitMq, queues);

    /// <inheritdoc cref="DeleteQueuesAsync(string[])"/>
    public static async Task DeleteQueuesAsync(Uri broker, IReadOnlyCollection<string> queues)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeleteAsync(queue);
        }

        await Task.Delay(RoutedMessagesSettle);
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }
    }

    /// <summary>Messages waiting in a queue (0 when it does not exist).</summary>
    public Task<uint> CountMessagesAsync(string queue) => CountMessagesAsync(RabbitMq, queue);

    /// <summary>Messages waiting in a queue on <paramref name="broker"/> (0 when it does not exist).</summary>
    public static async Task<uint> CountMessagesAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Whether a queue of that name is on the broker.</summary>
    public async Task<bool> QueueExistsAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }
}

/// <summary>Polls until a condition holds; the tests' only way of waiting for asynchronous effects.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in time{(because is null ? string.Empty : ": " + because)}. Last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
