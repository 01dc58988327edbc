using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Topic).HasMaxLength(StudySession.MaxTopicLength);
        e.Property(x => x.Material).HasMaxLength(StudySession.MaxTextLength);
        e.Property(x => x.Notes).HasMaxLength(StudySession.MaxTextLength);
        e.Property(x => x.MovedReason).HasMaxLength(StudySession.MaxTopicLength);
        e.Property(x => x.Version).IsConcurrencyToken();

        // One session per group and day: a second record of the same day is a mistake, not a second session.
        e.HasIndex(x => new { x.PairingId, x.HeldOn }).IsUnique();
    }
}
