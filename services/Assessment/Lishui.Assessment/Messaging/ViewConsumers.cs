using Lishui.Assessment.Data;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;

namespace Lishui.Assessment.Messaging;

/// <summary>Keeps this service's organisation tree current (one consumer per event, one inbox each).</summary>
public sealed class OrganisationCreatedConsumer(AssessmentDbContext db) : IdempotentConsumer<OrganisationCreated, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(OrganisationCreated message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationRenamedConsumer(AssessmentDbContext db) : IdempotentConsumer<OrganisationRenamed, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(OrganisationRenamed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationMovedConsumer(AssessmentDbContext db) : IdempotentConsumer<OrganisationMoved, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(OrganisationMoved message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationClosedConsumer(AssessmentDbContext db) : IdempotentConsumer<OrganisationClosed, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(OrganisationClosed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

/// <summary>Keeps the households five-good household schemes score current.</summary>
public sealed class HouseholdRegisteredConsumer(AssessmentDbContext db) : IdempotentConsumer<HouseholdRegistered, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(HouseholdRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class HouseholdChangedConsumer(AssessmentDbContext db) : IdempotentConsumer<HouseholdChanged, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(HouseholdChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
