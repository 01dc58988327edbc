using Lishui.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class MemberStatusChangeConfiguration : IEntityTypeConfiguration<MemberStatusChange>
{
    public void Configure(EntityTypeBuilder<MemberStatusChange> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Reason).HasMaxLength(MemberStatusChange.MaxReasonLength);
        e.Property(x => x.DecidedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MemberId, x.RecordedAt });
    }
}
