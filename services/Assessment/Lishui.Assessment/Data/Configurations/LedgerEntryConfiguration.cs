using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Dimension).HasMaxLength(DimensionsMustBeWellFormedRule.MaxCodeLength);
        e.Property(x => x.Points).HasPrecision(7, 2);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(LedgerEntry.MaxReasonLength);
        e.Property(x => x.EnteredBy).HasMaxLength(LedgerEntry.MaxEnteredByLength);
        e.Property(x => x.Evidence).HasMaxLength(LedgerEntry.MaxEvidenceLength);
        e.Property(x => x.RuleCode).HasMaxLength(100);
        e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);

        // The standings GROUP BY reads only this index (covering: points included).
        e.HasIndex(x => new { x.SchemeId, x.SubjectId, x.Dimension }).IncludeProperties(x => x.Points);

        // An entry is reversed at most once, and an event scores a rule at most once, even under races.
        e.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("reverses_entry_id IS NOT NULL");
        e.HasIndex(x => new { x.SchemeId, x.SourceEventId, x.RuleCode, x.SubjectId }).IsUnique().HasFilter("source_event_id IS NOT NULL");
    }
}
