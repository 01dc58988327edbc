using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> e)
    {
        e.ToTable("message_templates");
        e.HasKey(x => new { x.Key, x.Locale, x.Version });
        e.Property(x => x.Key).HasMaxLength(50);
        e.Property(x => x.Locale).HasMaxLength(10);
        e.Property(x => x.Title).HasMaxLength(MessageTemplate.MaxTitleLength);
        e.Property(x => x.Body).HasMaxLength(MessageTemplate.MaxBodyLength);
        e.Property(x => x.ChangedBy).HasMaxLength(100);
    }
}
