using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ScheduledStudySessionConfiguration : IEntityTypeConfiguration<ScheduledStudySession>
{
    public void Configure(EntityTypeBuilder<ScheduledStudySession> e)
    {
        e.ToTable("scheduled_study_sessions");
        e.HasKey(x => x.Id);
        e.Property(x => x.On).HasColumnName("on_date");
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Topic).HasMaxLength(StudySession.MaxTopicLength);
        e.Property(x => x.ChangeReason).HasMaxLength(ScheduledStudySession.MaxReasonLength);
        e.Property(x => x.ChangedBy).HasMaxLength(ScheduledStudySession.MaxActorLength);
        e.Ignore(x => x.Status);
        e.Ignore(x => x.IsUpcoming);
        e.Ignore(x => x.Slot);

        // One session per group and week: materialising the same week twice (a replica, a retry) adds nothing.
        e.HasIndex(x => new { x.PairingId, x.WeekOf }).IsUnique();
        e.HasIndex(x => x.On);
        e.HasIndex(x => x.StartsAt);
    }
}
