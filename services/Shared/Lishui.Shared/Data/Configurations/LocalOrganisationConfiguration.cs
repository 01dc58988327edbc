using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class LocalOrganisationConfiguration : IEntityTypeConfiguration<LocalOrganisation>
{
    public void Configure(EntityTypeBuilder<LocalOrganisation> e)
    {
        e.ToTable("local_organisations");
        e.HasKey(x => x.OrganisationId);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.EconomicCooperative).HasMaxLength(100);
        e.HasIndex(x => x.ParentId);
    }
}
