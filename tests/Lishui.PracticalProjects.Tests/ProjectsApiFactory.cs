using Lishui.PracticalProjects.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace Lishui.PracticalProjects.Tests;

/// <summary>PracticalProjects in process on its own real database and its own queue names on the real broker.</summary>
public sealed class ProjectsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly List<string> queues = [];
    private string database = string.Empty;

    public TestInfrastructure Infrastructure { get; } = new();

    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        database = await Infrastructure.CreateDatabaseAsync("projects");
        await using var db = new ProjectsDbContext(new DbContextOptionsBuilder<ProjectsDbContext>().UseNpgsql(database).Options);
        await db.Database.MigrateAsync();
        queues.AddRange(new[] { "member-registered", "member-status-changed", "member-transferred" }.SelectMany(q => new[] { $"{Prefix}-{q}", $"{Prefix}-{q}_error" }));
    }

    /// <summary>A queue of the test's own bound to a contract's exchange, as an outside subscriber would bind it.</summary>
    public async Task<string> SubscribeAsync(Type contract)
    {
        var queue = $"{Prefix}-{Guid.NewGuid():N}"[..30];
        var factory = new ConnectionFactory { Uri = Infrastructure.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = ContractEntityNameFormatter.ExchangeNameOf(contract);
        await channel.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, string.Empty);
        queues.Add(queue);
        return queue;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{ProjectsDbContext.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", Infrastructure.RabbitMq.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", Prefix);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Infrastructure.DeleteQueuesAsync([.. queues]);
        await Infrastructure.DisposeAsync();
    }
}
