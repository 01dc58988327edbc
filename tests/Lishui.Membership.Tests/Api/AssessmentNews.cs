using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;

namespace Lishui.Membership.Tests.Api;

/// <summary>Assessment, as far as the broker can tell: publishes its events on the real RabbitMQ.</summary>
public sealed class AssessmentNews : IAsyncDisposable
{
    private readonly IBusControl bus;

    private AssessmentNews(IBusControl bus) => this.bus = bus;

    public static async Task<AssessmentNews> StartAsync(TestInfrastructure infrastructure)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(infrastructure.RabbitMq);
            cfg.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        });
        await bus.StartAsync();
        return new AssessmentNews(bus);
    }

    /// <summary>
    /// Publishes <paramref name="message"/> (the same event each time, so redelivery is harmless) until
    /// <paramref name="arrived"/> says the service has acted on it: the service's queue may still be binding.
    /// </summary>
    public async Task<T> PublishUntilAsync<TMessage, T>(TMessage message, Func<Task<T>> probe, Func<T, bool> arrived, string because)
        where TMessage : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await bus.PublishWithinDeadlineAsync(message);
            var value = await Eventually.MatchAsync(probe, _ => true);
            for (var i = 0; i < 10 && !arrived(value); i++)
            {
                await Task.Delay(200);
                value = await probe();
            }

            if (arrived(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(because);
            }
        }
    }

    public Task PublishAsync<TMessage>(TMessage message)
        where TMessage : class => bus.PublishWithinDeadlineAsync(message);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
