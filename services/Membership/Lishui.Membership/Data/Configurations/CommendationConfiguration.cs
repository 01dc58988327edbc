using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Commendations;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One commendation per member and year, however often Assessment's news is delivered.
        e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.Year });
    }
}
