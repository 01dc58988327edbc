using Lishui.PracticalProjects.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class ResidentRequestConfiguration : IEntityTypeConfiguration<ResidentRequest>
{
    public void Configure(EntityTypeBuilder<ResidentRequest> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, v => new ResidentRequestId(v));
        e.Property(x => x.ReferenceNumber).HasMaxLength(40);
        e.Property(x => x.Origin).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasMaxLength(ResidentRequest.MaxSubjectLength);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.Property(x => x.Location).HasMaxLength(200);
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ContactHeldBy).HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Reply).HasMaxLength(ResidentRequest.MaxReplyLength);
        e.Property(x => x.MergedInto)
            .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, v => v.HasValue ? new ResidentRequestId(v.Value) : null);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.ContactRequestId);
        e.Ignore(x => x.IsOpen);
        e.HasIndex(x => x.ReferenceNumber).IsUnique();
        e.HasIndex(x => x.PairingRequestId).IsUnique();
        e.HasIndex(x => new { x.Status, x.ReceivedOn });
        e.OwnsMany(x => x.History, h =>
        {
            h.ToTable("resident_request_status_changes");
            h.WithOwner().HasForeignKey("request_id");
            h.Property<int>("id");
            h.HasKey("id");
            h.Property(c => c.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(30);
            h.Property(c => c.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(30);
            h.Property(c => c.DecidedBy).HasMaxLength(100);
            h.Property(c => c.Note).HasMaxLength(500);
        });
        e.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
