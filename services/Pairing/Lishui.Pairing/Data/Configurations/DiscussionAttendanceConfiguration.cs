using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class DiscussionAttendanceConfiguration : IEntityTypeConfiguration<DiscussionAttendance>
{
    public void Configure(EntityTypeBuilder<DiscussionAttendance> e)
    {
        e.ToTable("party_mass_discussion_attendance");
        e.HasKey(x => new { x.DiscussionId, x.MemberId });
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(StudySession.MaxTopicLength);
        e.HasIndex(x => x.MemberId);
    }
}
