using Lishui.Notification.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class LocalRoleConfiguration : IEntityTypeConfiguration<LocalRole>
{
    public void Configure(EntityTypeBuilder<LocalRole> e)
    {
        e.ToTable("local_member_roles");
        e.HasKey(x => new { x.MemberId, x.OrganisationId, x.Role });
        e.Property(x => x.Role).HasMaxLength(30);
        e.HasIndex(x => new { x.OrganisationId, x.Role });
    }
}
