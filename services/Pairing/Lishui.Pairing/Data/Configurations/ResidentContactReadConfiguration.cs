using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ResidentContactReadConfiguration : IEntityTypeConfiguration<ResidentContactRead>
{
    public void Configure(EntityTypeBuilder<ResidentContactRead> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.RequestedBy).HasMaxLength(StationingSchedule.MaxActorLength);
        e.Property(x => x.Purpose).HasMaxLength(ResidentContactRead.MaxPurposeLength);
        e.HasIndex(x => new { x.RequestId, x.ReadAt });
    }
}
