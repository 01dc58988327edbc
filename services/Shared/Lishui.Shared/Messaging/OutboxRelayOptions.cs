namespace Lishui.Shared.Messaging;

public sealed class OutboxRelayOptions
{
    public int BatchSize { get; set; } = 200;

    /// <summary>Safety-net poll; normally the relay is woken by NOTIFY within milliseconds of a commit.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one publish may wait for the broker's confirm before the batch backs off.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
