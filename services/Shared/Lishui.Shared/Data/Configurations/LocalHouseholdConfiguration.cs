using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class LocalHouseholdConfiguration : IEntityTypeConfiguration<LocalHousehold>
{
    public void Configure(EntityTypeBuilder<LocalHousehold> e)
    {
        e.ToTable("local_households");
        e.HasKey(x => x.HouseholdId);
        e.Property(x => x.HeadName).HasMaxLength(LocalHousehold.MaxHeadNameLength);
        e.Property(x => x.EconomicCooperative).HasMaxLength(100);
        e.HasIndex(x => x.OrganisationId);
    }
}
