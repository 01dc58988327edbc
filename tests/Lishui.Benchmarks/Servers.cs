using Npgsql;
using RabbitMQ.Client;

namespace Lishui.Benchmarks;

/// <summary>A PostgreSQL server and a RabbitMQ broker the benchmarks create their databases and queues on.</summary>
public sealed record Servers(string Postgres, Uri RabbitMq)
{
    public static Servers FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("LISHUI_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("LISHUI_TEST_RABBITMQ");
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(rabbit))
        {
            throw new InvalidOperationException("Set LISHUI_TEST_POSTGRES and LISHUI_TEST_RABBITMQ (server-level connection string and amqp:// URI).");
        }

        return new Servers(postgres, new Uri(rabbit));
    }

    /// <summary>A fresh database; the name says which run made it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken ct = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string database)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            Console.WriteLine($"  (could not drop {name}: {e.Message})");
        }
    }

    /// <summary>Deletes the queues, each cut off from its exchanges first (see <see cref="Lishui.Testing.TestInfrastructure.DeleteQueuesAsync(string[])"/>).</summary>
    public async Task DeleteQueuesAsync(IEnumerable<string> queues)
    {
        try
        {
            await Lishui.Testing.TestInfrastructure.DeleteQueuesAsync(RabbitMq, queues.ToList());
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            Console.WriteLine($"  (could not delete queues: {e.Message})");
        }
    }

    /// <summary>Messages waiting in a queue (0 when it does not exist).</summary>
    public Task<uint> CountMessagesAsync(string queue) => Lishui.Testing.TestInfrastructure.CountMessagesAsync(RabbitMq, queue);

    public static async Task<long> ScalarAsync(string database, string sql, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
