using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.PracticalProjects.Tests;

/// <summary>The test host leaves nothing on a reused developer server: no queue (not even an _error one), no database.</summary>
public sealed class TestHostCleanUpTests
{
    [Fact]
    public async Task A_host_stopped_while_an_event_is_being_retried_leaves_neither_queues_nor_its_database()
    {
        var service = new SlowToStopProjects();
        var lifetime = (IAsyncLifetime)service;
        await lifetime.InitializeAsync();
        try
        {
            _ = service.Server;
            await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
            var declared = ServiceQueues.Declared(service.Services);

            // A rename of an organisation the service never heard of fails until its creation arrives: it is being retried as the host stops.
            var unknown = Guid.CreateVersion7();
            await service.PublishAsync(new OrganisationRenamed { Name = "尚未建立的党组织" }.About(unknown, unknown, 2, DateTimeOffset.UtcNow));
            await Task.Delay(TimeSpan.FromSeconds(1));
            await service.StopAndCleanUpAsync();
            await Task.Delay(TimeSpan.FromSeconds(8)); // a bus still running would have sent the event to _error by now

            var left = new List<string>();
            foreach (var queue in declared)
            {
                if (await service.Infrastructure.QueueExistsAsync(queue))
                {
                    left.Add(queue);
                }
            }

            Assert.Empty(left);
            Assert.False(await service.Infrastructure.DatabaseExistsAsync(service.Database));
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }

    /// <summary>
    /// A host that gives up stopping after half a second, as one on a busy machine gives up after its
    /// 30 s, while the event's retries (3, 1-2 s apart) go on.
    /// </summary>
    private sealed class SlowToStopProjects : ProjectsApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Messaging:Retry:RetryLimit", "3");
            builder.UseSetting("Messaging:Retry:MinInterval", "00:00:01");
            builder.UseSetting("Messaging:Retry:MaxInterval", "00:00:02");
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
    }
}
