using Lishui.PracticalProjects.Domain.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class SignatureImageConfiguration : IEntityTypeConfiguration<SignatureImage>
{
    public void Configure(EntityTypeBuilder<SignatureImage> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.CollectionId).HasConversion(id => id.Value, v => new OpinionCollectionId(v));
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(100);
        e.HasIndex(x => x.CollectionId);
    }
}
