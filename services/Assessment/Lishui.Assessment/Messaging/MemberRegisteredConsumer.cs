using Lishui.Contracts.Membership;
using Lishui.Assessment.Data;
using Lishui.Shared.Messaging;

namespace Lishui.Assessment.Messaging;

/// <summary>Keeps this service's view of the member roll current.</summary>
public sealed class MemberRegisteredConsumer(AssessmentDbContext db) : IdempotentConsumer<MemberRegistered, AssessmentDbContext>(db)
{
    protected override Task HandleAsync(MemberRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
