using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> e)
    {
        e.ToTable(MessagingModel.InboxTable);
        e.HasKey(x => new { x.MessageId, x.Consumer });
        e.Property(x => x.Consumer).HasMaxLength(200);
    }
}
