using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ResidentRequestCounterConfiguration : IEntityTypeConfiguration<ResidentRequestCounter>
{
    public void Configure(EntityTypeBuilder<ResidentRequestCounter> e)
    {
        e.ToTable("resident_request_counters");
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
    }
}
