using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable(AuditTrail.Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.Method).HasMaxLength(10);
        e.Property(x => x.Route).HasMaxLength(300);
        e.Property(x => x.Path).HasMaxLength(500);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.Property(x => x.TraceId).HasMaxLength(32);
        e.HasIndex(x => x.OccurredAt);
        e.HasIndex(x => x.Actor);
    }
}
