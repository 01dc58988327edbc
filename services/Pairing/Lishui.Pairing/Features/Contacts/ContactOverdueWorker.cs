using Lishui.Shared.Domain;
using Lishui.Shared.Hosting;

namespace Lishui.Pairing.Features.Contacts;

public sealed class ContactOverdueOptions
{
    /// <summary>How often the check runs; daily is what the town needs, tests and operators may shorten it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public bool Enabled { get; set; } = true;
}

/// <summary>Runs <see cref="ContactOverdueCheck"/> at start and then every interval.</summary>
public sealed partial class ContactOverdueWorker(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<ContactOverdueOptions> options,
    TimeProvider time,
    ILogger<ContactOverdueWorker> log) : PeriodicWorker(scopes, time, log)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        LogChecked(Log, await services.GetRequiredService<ContactOverdueCheck>().RunAsync(Time.Today(), ct));

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact overdue check published {Count} ContactOverdue events")]
    private static partial void LogChecked(ILogger logger, int count);
}
