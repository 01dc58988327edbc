using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class StationingVisitConfiguration : IEntityTypeConfiguration<StationingVisit>
{
    public void Configure(EntityTypeBuilder<StationingVisit> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.On).HasColumnName("on_date");
        e.Property(x => x.Place).HasMaxLength(StationingSchedule.MaxPlaceLength);
        e.Property(x => x.Notes).HasMaxLength(StationingVisit.MaxNotesLength);
        e.Property(x => x.RecordedBy).HasMaxLength(StationingSchedule.MaxActorLength);
        e.Ignore(x => x.IsHeld);
        e.HasIndex(x => new { x.ScheduleId, x.On }).IsUnique();
        e.HasIndex(x => x.On);
        e.HasIndex(x => x.StartsAt);
    }
}
