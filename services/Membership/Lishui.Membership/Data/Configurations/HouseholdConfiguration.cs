using Lishui.Membership.Domain.Households;
using Lishui.Membership.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new HouseholdId(value));
        e.Property(x => x.EconomicCooperative).HasMaxLength(Organisation.MaxNameLength);
        e.Property(x => x.HeadName).HasMaxLength(Household.MaxHeadNameLength);
        e.Property(x => x.Address).HasMaxLength(Household.MaxAddressLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.OrganisationId);
    }
}
