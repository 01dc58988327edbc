using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ServicePositionConfiguration : IEntityTypeConfiguration<ServicePosition>
{
    public void Configure(EntityTypeBuilder<ServicePosition> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(ServicePosition.MaxNameLength);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Address).HasMaxLength(ServicePosition.MaxAddressLength);
        e.Property(x => x.Description).HasMaxLength(ServicePosition.MaxDescriptionLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsRemoved);
        e.HasIndex(x => x.OrganisationId);

        // One name per organisation among the places in use (the rule says so first; this holds under races).
        e.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique().HasFilter("removed_at IS NULL");
    }
}
