using System.Text.Json;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Standings;

/// <summary>One subject's standing as the database computes it.</summary>
public sealed class StandingRow
{
    public Guid SubjectId { get; set; }

    public string Name { get; set; } = string.Empty;

    public decimal Total { get; set; }

    /// <summary>JSON object: dimension code → score clipped to [0, max].</summary>
    public string Scores { get; set; } = "{}";

    /// <summary>Competition rank (1, 2, 2, 4) by total, highest first.</summary>
    public long Rank { get; set; }

    /// <summary>Subjects whose total is at least this one's (ties included); drives the Excellent cap.</summary>
    public long AtOrAbove { get; set; }

    /// <summary>Subjects in the scheme altogether.</summary>
    public long Subjects { get; set; }

    public IReadOnlyDictionary<string, decimal> ScoreMap() =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(Scores) ?? [];

    public Grade GradeIn(Scheme scheme) => Grading.GradeOf(scheme.Thresholds, scheme.ExcellentShareCap, Total, AtOrAbove, Subjects);
}

/// <summary>
/// Standings in one SQL statement: the ledger is summed per subject and dimension by a GROUP BY in
/// PostgreSQL (never loaded entry by entry), each dimension clipped to [0, its max], then totalled
/// and ranked. Subjects are the members on the scheme organisation's roll plus anyone with entries.
/// </summary>
public static class StandingsQuery
{
    public static IQueryable<StandingRow> For(AssessmentDbContext db, Scheme scheme)
    {
        var codes = scheme.Dimensions.Select(d => d.Code).ToArray();
        var maxima = scheme.Dimensions.Select(d => d.Max).ToArray();
        return db.Database.SqlQuery<StandingRow>($"""
            WITH dims AS (
                SELECT d.code, d.max_points FROM unnest({codes}::text[], {maxima}::numeric[]) AS d(code, max_points)),
            subjects AS (
                SELECT member_id AS subject_id FROM local_members WHERE organisation_id = {scheme.OrganisationId}
                UNION
                SELECT DISTINCT subject_id FROM ledger_entries WHERE scheme_id = {scheme.Id}),
            sums AS (
                SELECT subject_id, dimension, SUM(points) AS raw
                FROM ledger_entries WHERE scheme_id = {scheme.Id}
                GROUP BY subject_id, dimension),
            scored AS (
                SELECT s.subject_id, d.code, LEAST(GREATEST(COALESCE(x.raw, 0), 0), d.max_points) AS score
                FROM subjects s CROSS JOIN dims d
                LEFT JOIN sums x ON x.subject_id = s.subject_id AND x.dimension = d.code),
            totals AS (
                SELECT subject_id, SUM(score) AS total, jsonb_object_agg(code, score) AS scores
                FROM scored GROUP BY subject_id)
            SELECT t.subject_id AS "SubjectId", COALESCE(m.name, '') AS "Name", t.total AS "Total", t.scores::text AS "Scores",
                   RANK() OVER (ORDER BY t.total DESC) AS "Rank",
                   COUNT(*) OVER (ORDER BY t.total DESC) AS "AtOrAbove",
                   COUNT(*) OVER () AS "Subjects"
            FROM totals t LEFT JOIN local_members m ON m.member_id = t.subject_id
            """);
    }
}
