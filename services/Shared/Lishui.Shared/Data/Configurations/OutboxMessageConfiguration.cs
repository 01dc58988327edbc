using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Shared.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable(MessagingModel.OutboxTable);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.MessageUrn).HasMaxLength(200);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.Property(x => x.TraceParent).HasMaxLength(100);
        e.HasIndex(x => x.EventId).IsUnique();
    }
}
