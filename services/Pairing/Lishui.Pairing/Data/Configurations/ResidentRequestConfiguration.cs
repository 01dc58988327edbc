using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ResidentRequestConfiguration : IEntityTypeConfiguration<ResidentRequest>
{
    public void Configure(EntityTypeBuilder<ResidentRequest> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.ReferenceNumber).HasMaxLength(20);
        e.Property(x => x.RaisedByName).HasMaxLength(ResidentRequest.MaxNameLength);
        e.Property(x => x.Subject).HasMaxLength(ResidentRequest.MaxSubjectLength);
        e.Property(x => x.Location).HasMaxLength(ResidentRequest.MaxLocationLength);
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.RecordedBy).HasMaxLength(StationingSchedule.MaxActorLength);
        e.HasIndex(x => x.ReferenceNumber).IsUnique();
        e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        e.HasIndex(x => x.StationingVisitId);
        e.HasIndex(x => new { x.VillageCommitteeId, x.RaisedOn });
    }
}
