using Lishui.Notification.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class LocalOrganisationConfiguration : IEntityTypeConfiguration<LocalOrganisation>
{
    public void Configure(EntityTypeBuilder<LocalOrganisation> e)
    {
        e.ToTable("local_organisations");
        e.HasKey(x => x.OrganisationId);
        e.Property(x => x.Name).HasMaxLength(100);
    }
}
