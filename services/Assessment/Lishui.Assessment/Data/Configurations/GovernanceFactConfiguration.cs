using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class GovernanceFactConfiguration : IEntityTypeConfiguration<GovernanceFact>
{
    public void Configure(EntityTypeBuilder<GovernanceFact> e)
    {
        e.HasKey(x => x.EventId);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Value).HasMaxLength(30);
        e.HasIndex(x => new { x.Kind, x.OrganisationId, x.OccurredOn });
    }
}
