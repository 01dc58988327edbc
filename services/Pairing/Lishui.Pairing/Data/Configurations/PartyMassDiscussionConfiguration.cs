using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class PartyMassDiscussionConfiguration : IEntityTypeConfiguration<PartyMassDiscussion>
{
    public void Configure(EntityTypeBuilder<PartyMassDiscussion> e)
    {
        e.ToTable("party_mass_discussions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Topic).HasMaxLength(PartyMassDiscussion.MaxTopicLength);
        e.Property(x => x.Place).HasMaxLength(PartyMassDiscussion.MaxPlaceLength);
        e.Property(x => x.Minutes).HasMaxLength(PartyMassDiscussion.MaxMinutesLength);
        e.Property(x => x.Version).IsConcurrencyToken();

        // One discussion per group and month, whatever races the rule's check.
        e.HasIndex(x => new { x.GroupId, x.Month }).IsUnique();
    }
}
