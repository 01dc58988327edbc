using Lishui.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> e)
    {
        e.ToTable("member_roles");
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.AssignedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.Property(x => x.RevokedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.Ignore(x => x.IsActive);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // The database holds the line too: two concurrent assignments cannot both make a secretary.
        e.HasIndex(x => x.OrganisationId).HasDatabaseName(OneSecretaryPerOrganisationRule.IndexName).IsUnique()
            .HasFilter("role = 'Secretary' AND revoked_on IS NULL");
        e.HasIndex(x => new { x.MemberId, x.Role }).HasDatabaseName("ix_member_roles_active").IsUnique().HasFilter("revoked_on IS NULL");
    }
}
