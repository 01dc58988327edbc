using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class LocalMemberConfiguration : IEntityTypeConfiguration<LocalMember>
{
    public void Configure(EntityTypeBuilder<LocalMember> e)
    {
        e.ToTable("local_members");
        e.HasKey(x => x.MemberId);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => x.OrganisationId);
    }
}
