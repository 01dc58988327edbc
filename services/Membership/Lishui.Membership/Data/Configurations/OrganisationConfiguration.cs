using Lishui.Membership.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new OrganisationId(value));
        e.Property(x => x.Name).HasMaxLength(Organisation.MaxNameLength);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Sector).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ParentId)
            .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, value => value.HasValue ? new OrganisationId(value.Value) : null);
        e.Property(x => x.Path).HasMaxLength(1000).UseCollation("C");
        e.Property(x => x.EconomicCooperative).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsClosed);
        e.Ignore(x => x.Depth);
        e.HasIndex(x => x.Path);
        e.HasIndex(x => x.ParentId);
        e.HasIndex(x => new { x.Sector, x.Kind });
    }
}
