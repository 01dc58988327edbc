using Lishui.PracticalProjects.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class ContactAccessConfiguration : IEntityTypeConfiguration<ContactAccess>
{
    public void Configure(EntityTypeBuilder<ContactAccess> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Purpose).HasMaxLength(200);
        e.Property(x => x.RequestedBy).HasMaxLength(100);
        e.HasIndex(x => x.RequestId);
    }
}
