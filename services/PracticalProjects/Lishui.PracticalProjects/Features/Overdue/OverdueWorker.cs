using Lishui.PracticalProjects.Domain;
using Lishui.Shared.Domain;
using Lishui.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Lishui.PracticalProjects.Features.Overdue;

/// <summary>Runs <see cref="OverdueCheck"/> at start and then every interval (timer and "today" from the injected TimeProvider).</summary>
public sealed partial class OverdueWorker(IServiceScopeFactory scopes, IOptions<OverdueOptions> options, TimeProvider time, ILogger<OverdueWorker> log)
    : PeriodicWorker(scopes, time, log)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var (projects, requests) = await services.GetRequiredService<OverdueCheck>().RunAsync(Time.Today(), ct);
        LogChecked(Log, projects, requests);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue check published {Projects} ProjectOverdue and {Requests} ResidentRequestOverdue events")]
    private static partial void LogChecked(ILogger logger, int projects, int requests);
}
