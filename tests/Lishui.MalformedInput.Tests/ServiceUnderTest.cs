using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Lishui.MalformedInput.Tests;

/// <summary>
/// One service hosted here exactly as its Program.cs does it, on a real Kestrel port (so connection
/// handling and header limits are the server's own), on its own migrated database and the real broker.
/// The outbox relay is left out: nothing these tests send may be written, and nothing need reach other tests.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly string[] queues;

    private ServiceUnderTest(string name, WebApplication app, string database, Uri broker)
    {
        Name = name;
        App = app;
        Database = database;
        Broker = broker;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.TownAdministrator("malformed-input"));
        queues = ServiceQueues.Declared(app.Services);
    }

    public string Name { get; }

    public WebApplication App { get; }

    public string Database { get; }

    public Uri Broker { get; }

    public Uri Address { get; }

    /// <summary>Calls as a town administrator, who may call nearly every operation.</summary>
    public HttpClient Client { get; }

    public static async Task<ServiceUnderTest> StartAsync(
        string name, TestInfrastructure infrastructure, string connectionName, Func<string, Task> migrate,
        Action<WebApplicationBuilder> add, Action<WebApplication> map, IDictionary<string, string?>? settings = null)
    {
        var database = await infrastructure.CreateDatabaseAsync(name);
        await migrate(database);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = TestSecurity.Environment });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            ["Logging:LogLevel:Lishui.Shared.Web"] = "Error",
            [$"ConnectionStrings:{connectionName}"] = database,
            [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = infrastructure.RabbitMq.ToString(),
            ["Messaging:EndpointPrefix"] = $"{name}-malformed-{Guid.NewGuid():N}"[..28],
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        add(builder);
        var relay = builder.Services.Where(s => s.ServiceType == typeof(IHostedService)
            && s.ImplementationType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(OutboxRelay<>)).ToList();
        foreach (var service in relay)
        {
            builder.Services.Remove(service);
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new ServiceUnderTest(name, app, database, infrastructure.RabbitMq);
    }

    /// <summary>Rows of any table of this service's database whose text holds <paramref name="marker"/>.</summary>
    public async Task<IReadOnlyList<string>> RowsContainingAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var found = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%' || @marker || '%'", connection);
            count.Parameters.AddWithValue("marker", marker);
            if ((long)(await count.ExecuteScalarAsync())! is > 0 and var n)
            {
                found.Add($"{Name}: {n} row(s) in {table}");
            }
        }

        return found;
    }

    /// <summary>Every text matching <paramref name="pattern"/> (a PostgreSQL regular expression) in any row of any table, in one pass per table.</summary>
    public async Task<IReadOnlySet<string>> MarkersAsync(string pattern)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection))
        {
            await using var select = new NpgsqlCommand($"SELECT DISTINCT (regexp_matches(t::text, @pattern, 'g'))[1] FROM {table} t", connection);
            select.Parameters.AddWithValue("pattern", "(" + pattern + ")");
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await App.DisposeAsync();
        await TestInfrastructure.DeleteQueuesAsync(Broker, queues);
    }
}
