using Lishui.PracticalProjects.Domain.EchoWall;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class EchoPostConfiguration : IEntityTypeConfiguration<EchoPost>
{
    public void Configure(EntityTypeBuilder<EchoPost> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, v => new EchoPostId(v));
        e.Property(x => x.Text).HasMaxLength(EchoPost.MaxTextLength);
        e.Property(x => x.DisplayName).HasMaxLength(EchoPost.MaxDisplayNameLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Hidden, x.PostedAt });
        e.OwnsMany(x => x.Answers, a =>
        {
            a.ToTable("echo_answers");
            a.WithOwner().HasForeignKey("post_id");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Text).HasMaxLength(EchoPost.MaxAnswerLength);
            a.Property(x => x.AnsweredBy).HasMaxLength(100);
        });
        e.Navigation(x => x.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.OwnsMany(x => x.Moderation, m =>
        {
            m.ToTable("echo_moderation");
            m.WithOwner().HasForeignKey("post_id");
            m.Property<int>("id");
            m.HasKey("id");
            m.Property(x => x.Reason).HasMaxLength(500);
            m.Property(x => x.ModeratedBy).HasMaxLength(100);
        });
        e.Navigation(x => x.Moderation).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
