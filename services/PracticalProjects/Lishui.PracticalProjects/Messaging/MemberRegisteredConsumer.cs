using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Data;
using Lishui.Shared.Messaging;

namespace Lishui.PracticalProjects.Messaging;

/// <summary>Keeps this service's view of the member roll current.</summary>
public sealed class MemberRegisteredConsumer(ProjectsDbContext db) : IdempotentConsumer<MemberRegistered, ProjectsDbContext>(db)
{
    protected override Task HandleAsync(MemberRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
