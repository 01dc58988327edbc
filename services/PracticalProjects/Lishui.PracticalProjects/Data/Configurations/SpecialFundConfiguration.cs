using Lishui.PracticalProjects.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class SpecialFundConfiguration : IEntityTypeConfiguration<SpecialFund>
{
    public void Configure(EntityTypeBuilder<SpecialFund> e)
    {
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.Budget).HasPrecision(16, 2);
        e.Property(x => x.Drawn).HasPrecision(16, 2);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Balance);
    }
}
