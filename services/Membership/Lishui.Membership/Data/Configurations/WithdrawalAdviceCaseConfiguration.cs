using Lishui.Membership.Domain;
using Lishui.Membership.Domain.WithdrawalAdvice;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class WithdrawalAdviceCaseConfiguration : IEntityTypeConfiguration<WithdrawalAdviceCase>
{
    public void Configure(EntityTypeBuilder<WithdrawalAdviceCase> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.MemberId).HasConversion(id => id.Value, value => new MemberId(value));
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.DecidedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.Property(x => x.Reason).HasMaxLength(WithdrawalAdviceCase.MaxReasonLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One case per member and year, however often Assessment's news is delivered.
        e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.Status, x.OpenedAt });
        e.HasIndex(x => x.PartyCommitteeId);
    }
}
