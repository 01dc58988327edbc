using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class StudyAttendanceConfiguration : IEntityTypeConfiguration<StudyAttendance>
{
    public void Configure(EntityTypeBuilder<StudyAttendance> e)
    {
        e.HasKey(x => new { x.SessionId, x.MemberId });
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(StudySession.MaxTopicLength);
        e.HasIndex(x => x.MemberId);
    }
}
