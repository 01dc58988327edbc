using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class MemberPairConfiguration : IEntityTypeConfiguration<MemberPair>
{
    public void Configure(EntityTypeBuilder<MemberPair> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsActive);
        e.HasIndex(x => new { x.PairingId, x.EndedOn });
        e.HasIndex(x => x.OrganMemberId);
        e.HasIndex(x => x.VillageMemberId);
    }
}
