using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Concerning).HasMaxLength(50);
        e.Property(x => x.Text).HasMaxLength(Objection.MaxTextLength);
        e.Property(x => x.FiledBy).HasMaxLength(50);
        e.Property(x => x.Contact).HasMaxLength(Objection.MaxContactLength);
        e.Property(x => x.Answer).HasMaxLength(Objection.MaxTextLength);
        e.Property(x => x.AnsweredBy).HasMaxLength(100);
        e.Property(x => x.AnsweredAt).IsConcurrencyToken(); // two answers to one objection: the second fails
        e.Ignore(x => x.IsAnswered);
        e.HasIndex(x => x.NoticeId);
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId);
    }
}
