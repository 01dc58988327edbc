using Lishui.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.Name).HasMaxLength(MemberNameMustBeGivenRule.MaxLength);
        e.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsOnRoll);
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.IdNumberHash).IsUnique().HasDatabaseName(MembershipDbContext.IdNumberHashIndex);
    }
}
