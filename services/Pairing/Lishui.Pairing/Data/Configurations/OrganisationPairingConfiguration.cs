using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class OrganisationPairingConfiguration : IEntityTypeConfiguration<OrganisationPairing>
{
    public void Configure(EntityTypeBuilder<OrganisationPairing> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Purpose).HasMaxLength(OrganisationPairing.MaxPurposeLength);
        e.Property(x => x.StudyPlace).HasMaxLength(200);
        e.Ignore(x => x.HasStudySchedule);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsEnded);
        e.Ignore(x => x.LastDay);
        e.HasIndex(x => new { x.OrganBranchId, x.VillageCommitteeId });
        e.HasIndex(x => x.VillageCommitteeId);
    }
}
