using Lishui.Assessment.Data;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;

namespace Lishui.Assessment.Messaging;

/// <summary>Keeps the households five-good household schemes score current.</summary>
public sealed class HouseholdRegisteredConsumer(AssessmentDbContext db) : IdempotentConsumer<HouseholdRegistered, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(HouseholdRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class HouseholdChangedConsumer(AssessmentDbContext db) : IdempotentConsumer<HouseholdChanged, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(HouseholdChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
