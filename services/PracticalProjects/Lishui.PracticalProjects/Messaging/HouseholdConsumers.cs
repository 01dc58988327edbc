using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Data;
using Lishui.Shared.Messaging;

namespace Lishui.PracticalProjects.Messaging;

/// <summary>Keeps this service's view of the household register current: the households opinion collections ask.</summary>
public sealed class HouseholdRegisteredConsumer(ProjectsDbContext db) : IdempotentConsumer<HouseholdRegistered, ProjectsDbContext>(db)
{
    protected override Task HandleAsync(HouseholdRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

/// <summary>A household's new head or size.</summary>
public sealed class HouseholdChangedConsumer(ProjectsDbContext db) : IdempotentConsumer<HouseholdChanged, ProjectsDbContext>(db)
{
    protected override Task HandleAsync(HouseholdChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
