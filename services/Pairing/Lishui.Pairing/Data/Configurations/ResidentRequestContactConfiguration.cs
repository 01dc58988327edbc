using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ResidentRequestContactConfiguration : IEntityTypeConfiguration<ResidentRequestContact>
{
    public void Configure(EntityTypeBuilder<ResidentRequestContact> e)
    {
        e.HasKey(x => x.RequestId);
        e.Property(x => x.Name).HasMaxLength(ResidentRequest.MaxNameLength);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.HasOne<ResidentRequest>().WithOne().HasForeignKey<ResidentRequestContact>(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
