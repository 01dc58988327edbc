using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class PinnedPairConfiguration : IEntityTypeConfiguration<PinnedPair>
{
    public void Configure(EntityTypeBuilder<PinnedPair> e)
    {
        e.ToTable("pairing_pins");
        e.HasKey(x => new { x.PairingId, x.VillageMemberId });
    }
}
