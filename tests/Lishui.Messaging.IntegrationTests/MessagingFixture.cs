using System.Diagnostics;
using Lishui.Testing;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>
/// One broker and database server for the collection, and an activity listener standing in for
/// OpenTelemetry, so MassTransit and the outbox create the activities trace propagation needs.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name is "MassTransit" or "Lishui.Outbox" || source.Name.StartsWith("Lishui.Tests", StringComparison.Ordinal),
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public TestInfrastructure Infrastructure { get; } = new();

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(listener);
        await Infrastructure.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "messaging";
}
