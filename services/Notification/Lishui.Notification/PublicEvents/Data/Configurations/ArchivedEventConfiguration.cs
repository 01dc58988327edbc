using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.PublicEvents.Data.Configurations;

internal sealed class ArchivedEventConfiguration : IEntityTypeConfiguration<ArchivedEvent>
{
    public void Configure(EntityTypeBuilder<ArchivedEvent> e)
    {
        // Created by SQL in the migration: PARTITION BY RANGE (time), one partition a month.
        e.ToTable("archive", t => t.ExcludeFromMigrations());
        e.HasKey(x => new { x.Time, x.Seq });
        e.Property(x => x.Seq).ValueGeneratedOnAdd();
    }
}
