using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Data;

/// <summary>
/// A service's own database: its entities plus the platform's tables (outbox, inbox, idempotency
/// records, audit trail) and, for a service that mirrors Membership (<paramref name="localDirectory"/>),
/// its copy of the roll and the organisation tree.
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options, bool localDirectory = true) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        if (localDirectory)
        {
            modelBuilder.AddLocalMemberView();
            modelBuilder.AddLocalOrganisationView();
        }

        modelBuilder.AddAuditTable();
        base.OnModelCreating(modelBuilder);
    }
}
