using System.Text.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Governance;
using Lishui.Assessment.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data;

public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "assessmentdb";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public DbSet<Scheme> Schemes => Set<Scheme>();

    public DbSet<SchemeVersion> SchemeVersions => Set<SchemeVersion>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<AssessmentResult> Results => Set<AssessmentResult>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ImportedResult> ImportedResults => Set<ImportedResult>();

    public DbSet<LocalMember> Members => Set<LocalMember>();

    public DbSet<LocalOrganisation> Organisations => Set<LocalOrganisation>();

    public DbSet<LocalHousehold> Households => Set<LocalHousehold>();

    public DbSet<GovernanceFact> GovernanceFacts => Set<GovernanceFact>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.AddLocalOrganisationView();
        model.AddLocalHouseholdView();
        model.AddGovernanceFacts();
        model.AddAuditTable();
        model.Entity<Scheme>(e =>
        {
            e.ToTable("schemes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.SubjectType).HasColumnName("subject_type").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Topic).HasColumnName("topic").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Total).HasColumnName("total").HasPrecision(7, 2);
            Json(e.Property(x => x.Dimensions)).HasColumnName("dimensions");
            e.Property(x => x.ExcellentFrom).HasColumnName("excellent_from").HasPrecision(7, 2);
            e.Property(x => x.QualifiedFrom).HasColumnName("qualified_from").HasPrecision(7, 2);
            e.Property(x => x.BasicallyQualifiedFrom).HasColumnName("basically_qualified_from").HasPrecision(7, 2);
            e.Property(x => x.ExcellentShareCap).HasColumnName("excellent_share_cap").HasPrecision(5, 4);
            Json(e.Property(x => x.Rules)).HasColumnName("rules");
            e.Property(x => x.Revision).HasColumnName("revision");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ClosedAt).HasColumnName("closed_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsClosed);
            e.Ignore(x => x.Thresholds);
            e.Ignore(x => x.Content);
            e.HasIndex(x => new { x.OrganisationId, x.Year, x.SubjectType, x.Topic }).IsUnique();
        });
        model.Entity<SchemeVersion>(e =>
        {
            e.ToTable("scheme_versions");
            e.HasKey(x => new { x.SchemeId, x.Revision });
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.Revision).HasColumnName("revision");
            Json(e.Property(x => x.Content)).HasColumnName("content");
            e.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(LedgerEntry.MaxReasonLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
        });
        model.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.SubjectId).HasColumnName("subject_id");
            e.Property(x => x.Dimension).HasColumnName("dimension").HasMaxLength(DimensionsMustBeWellFormedRule.MaxCodeLength);
            e.Property(x => x.Points).HasColumnName("points").HasPrecision(7, 2);
            e.Property(x => x.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(LedgerEntry.MaxReasonLength);
            e.Property(x => x.EnteredBy).HasColumnName("entered_by").HasMaxLength(LedgerEntry.MaxEnteredByLength);
            e.Property(x => x.Evidence).HasColumnName("evidence").HasMaxLength(LedgerEntry.MaxEvidenceLength);
            e.Property(x => x.RuleCode).HasColumnName("rule_code").HasMaxLength(100);
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.ReversesEntryId).HasColumnName("reverses_entry_id");
            e.Property(x => x.OccurredOn).HasColumnName("occurred_on");
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);

            // The standings GROUP BY reads only this index (covering: points included).
            e.HasIndex(x => new { x.SchemeId, x.SubjectId, x.Dimension }).IncludeProperties(x => x.Points);

            // An entry is reversed at most once, and an event scores a rule at most once, even under races.
            e.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("reverses_entry_id IS NOT NULL");
            e.HasIndex(x => new { x.SchemeId, x.SourceEventId, x.RuleCode, x.SubjectId }).IsUnique().HasFilter("source_event_id IS NOT NULL");
        });
        model.Entity<Notice>(e =>
        {
            e.ToTable("notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.PublishedAt).HasColumnName("published_at");
            e.Property(x => x.WindowOpensOn).HasColumnName("window_opens_on");
            e.Property(x => x.WindowClosesOn).HasColumnName("window_closes_on");
            e.Property(x => x.SubjectCount).HasColumnName("subject_count");
            e.Property(x => x.FinalisedAt).HasColumnName("finalised_at").IsConcurrencyToken(); // finalised once, even under races
            e.Property(x => x.Sequence).HasColumnName("sequence").IsConcurrencyToken(); // two objections filed at once: one retries
            e.Ignore(x => x.IsFinal);
            e.HasIndex(x => x.SchemeId).IsUnique();
            e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
        });
        model.Entity<Objection>(e =>
        {
            e.ToTable("objections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.NoticeId).HasColumnName("notice_id");
            e.Property(x => x.Concerning).HasColumnName("concerning").HasMaxLength(50);
            e.Property(x => x.Text).HasColumnName("text").HasMaxLength(Objection.MaxTextLength);
            e.Property(x => x.FiledBy).HasColumnName("filed_by").HasMaxLength(50);
            e.Property(x => x.Contact).HasColumnName("contact").HasMaxLength(Objection.MaxContactLength);
            e.Property(x => x.FiledAt).HasColumnName("filed_at");
            e.Property(x => x.Answer).HasColumnName("answer").HasMaxLength(Objection.MaxTextLength);
            e.Property(x => x.Upheld).HasColumnName("upheld");
            e.Property(x => x.AnsweredBy).HasColumnName("answered_by").HasMaxLength(100);
            e.Property(x => x.AnsweredAt).HasColumnName("answered_at").IsConcurrencyToken(); // two answers to one objection: the second fails
            e.Property(x => x.CorrectionEntryId).HasColumnName("correction_entry_id");
            e.Ignore(x => x.IsAnswered);
            e.HasIndex(x => x.NoticeId);
            e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId);
        });
        model.Entity<AssessmentResult>(e =>
        {
            e.ToTable("assessment_results");
            e.HasKey(x => new { x.SchemeId, x.SubjectId });
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.SubjectId).HasColumnName("subject_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(50);
            e.Property(x => x.Total).HasColumnName("total").HasPrecision(7, 2);
            e.Property(x => x.Scores).HasColumnName("scores").HasColumnType("jsonb");
            e.Property(x => x.Grade).HasColumnName("grade").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Rank).HasColumnName("rank");
            e.HasIndex(x => new { x.SchemeId, x.Rank });
            e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
        });
        model.Entity<ImportedResult>(e =>
        {
            e.ToTable("imported_results");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(50);
            e.Property(x => x.Grade).HasColumnName("grade").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Total).HasColumnName("total").HasPrecision(7, 2);
            e.Property(x => x.Source).HasColumnName("source").HasMaxLength(ImportedResult.MaxSourceLength);
            e.Property(x => x.ImportedBy).HasColumnName("imported_by").HasMaxLength(200);
            e.Property(x => x.ImportedAt).HasColumnName("imported_at");
            // One final result per member and year: the two-year rule reads it by member.
            e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.OrganisationId });
        });
    }

    /// <summary>Value objects stored whole as jsonb; they are replaced, never mutated in place.</summary>
    private static PropertyBuilder<T> Json<T>(PropertyBuilder<T> property)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonOptions),
            s => JsonSerializer.Deserialize<T>(s, JsonOptions)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
                v => v));
}
