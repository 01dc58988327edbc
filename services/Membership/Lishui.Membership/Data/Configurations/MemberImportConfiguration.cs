using Lishui.Membership.Domain;
using Lishui.Membership.Domain.MemberImports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class MemberImportConfiguration : IEntityTypeConfiguration<MemberImport>
{
    public void Configure(EntityTypeBuilder<MemberImport> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Encoding).HasMaxLength(20);
        e.Property(x => x.Errors).HasColumnType("jsonb");
        e.Property(x => x.RequestedBy).HasMaxLength(MemberStatusChange.MaxDecidedByLength);
        e.HasIndex(x => new { x.Status, x.CreatedAt });
    }
}
