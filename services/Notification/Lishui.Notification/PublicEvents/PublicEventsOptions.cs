namespace Lishui.Notification.PublicEvents;

/// <summary>Configuration section <c>PublicEvents</c>.</summary>
public sealed class PublicEventsOptions
{
    public const string Section = "PublicEvents";

    /// <summary>The durable topic exchange public CloudEvents are published to (routing key = type).</summary>
    public string Exchange { get; set; } = "lishui.public.events";

    /// <summary>
    /// Where other systems reach this service's API: base of the <c>dataschema</c> URLs in every event.
    /// The default is the dev cluster's ingress host; town IT sets the real one.
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://notification.lishui.localhost/");

    /// <summary>RabbitMQ management API with an administrator's credentials, e.g. <c>http://guest:guest@host:15672/</c>; needed for AMQP subscribers.</summary>
    public Uri? RabbitMqManagement { get; set; }

    /// <summary>Host name outside systems use for AMQP (shown in credentials and the AsyncAPI document); defaults to the broker's host.</summary>
    public string? AmqpPublicHost { get; set; }

    /// <summary>An AMQP subscriber's queue is this prefix + its name.</summary>
    public string QueuePrefix { get; set; } = "lishui.public.sub.";

    /// <summary>An AMQP subscriber's broker user is this prefix + its name.</summary>
    public string UserPrefix { get; set; } = "lishui-public-";

    /// <summary>Plain-HTTP webhooks to loopback addresses; null means "only in Development".</summary>
    public bool? AllowLoopbackHttpWebhooks { get; set; }

    /// <summary>Largest time range one replay may cover.</summary>
    public int MaxReplayDays { get; set; } = 366;

    /// <summary>How often the relay, dispatcher and replay worker look for work when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public WebhookOptions Webhooks { get; set; } = new();
}

public sealed class WebhookOptions
{
    /// <summary>Waits between attempts; after the last one the subscriber is suspended. Default: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.</summary>
    public TimeSpan[] RetrySchedule { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries claimed per round, and at most this many per subscriber, so one backlog never crowds out the rest.</summary>
    public int BatchSize { get; set; } = 500;

    public int PerSubscriberBatch { get; set; } = 100;

    /// <summary>HTTP requests in flight at once.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>How old a <c>webhook-timestamp</c> receivers should accept (documented; used by the verifier).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
