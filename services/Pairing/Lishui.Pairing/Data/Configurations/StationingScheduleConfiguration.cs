using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class StationingScheduleConfiguration : IEntityTypeConfiguration<StationingSchedule>
{
    public void Configure(EntityTypeBuilder<StationingSchedule> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Place).HasMaxLength(StationingSchedule.MaxPlaceLength);
        e.Property(x => x.CreatedBy).HasMaxLength(StationingSchedule.MaxActorLength);
        e.Ignore(x => x.LastDay);
        e.HasIndex(x => x.LeaderMemberId);
        e.HasIndex(x => x.VillageCommitteeId);
    }
}
