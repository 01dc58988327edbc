using Lishui.PracticalProjects.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class RequesterContactConfiguration : IEntityTypeConfiguration<RequesterContact>
{
    public void Configure(EntityTypeBuilder<RequesterContact> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(RequesterContact.MaxNameLength);
        e.Property(x => x.Phone).HasMaxLength(30);
        e.HasIndex(x => x.RequestId).IsUnique();
        e.HasIndex(x => x.EchoPostId).IsUnique();
    }
}
