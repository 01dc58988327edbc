namespace Lishui.Shared.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>Rows taken per transaction. Larger batches amortise the select, delete and commit.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Publishes of one batch awaiting their confirm at once. Rows of one aggregate never overlap:
    /// each waits for the confirm of the one before it.
    /// </summary>
    public int MaxConcurrentPublishes { get; set; } = 256;

    /// <summary>Safety-net poll; normally the relay is woken by NOTIFY within milliseconds of a commit.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one publish may wait for the broker's confirm before the batch backs off.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
