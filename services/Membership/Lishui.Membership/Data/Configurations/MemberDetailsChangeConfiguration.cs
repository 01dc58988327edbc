using Lishui.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class MemberDetailsChangeConfiguration : IEntityTypeConfiguration<MemberDetailsChange>
{
    public void Configure(EntityTypeBuilder<MemberDetailsChange> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.ChangedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MemberId, x.RecordedAt });
    }
}
