using Lishui.Membership.Domain;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class OrganisationalTalkConfiguration : IEntityTypeConfiguration<OrganisationalTalk>
{
    public void Configure(EntityTypeBuilder<OrganisationalTalk> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.TalkedBy).HasMaxLength(OrganisationalTalk.MaxTalkedByLength);
        e.Property(x => x.Outcome).HasMaxLength(OrganisationalTalk.MaxOutcomeLength);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One talk per member and year, however often Assessment's news is delivered.
        e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.Status, x.DueOn });
        e.HasIndex(x => x.OrganisationId);
    }
}
