using System.Text.Json;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features;

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

    /// <summary>The grade under the scheme's thresholds and Excellent cap, as SQL computes it (the rules of <see cref="Grading.GradeOf"/>).</summary>
    public string GradeName { get; set; } = string.Empty;

    public Grade Grade => Enum.Parse<Grade>(GradeName);

    public IReadOnlyDictionary<string, decimal> ScoreMap() =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(Scores) ?? [];
}

/// <summary>
/// Standings in one SQL statement: the ledger is summed per subject and dimension by one GROUP BY in
/// PostgreSQL (never loaded entry by entry), streamed in the covering index's order into one row per
/// subject (a filtered SUM per dimension, each clipped to [0, its max]); then totalled, ranked and graded. Subjects are the scheme's roll
/// (<c>assessment_roll</c>: members, households or organisations in the scheme organisation's
/// subtree) plus anyone with entries. Closing a year inserts these very rows with INSERT … SELECT,
/// so the close costs about one pass over the ledger. The statement's text depends on the number
/// of dimensions only; codes and maxima are parameters.
/// </summary>
public static class StandingsQuery
{
    // {0} organisation, {1} subject type, {2} scheme, {3}–{5} grade thresholds, {6} Excellent cap; then codes, then maxima.
    private const int FirstDimension = 7;

    private static string Sql(int dimensions)
    {
        var range = Enumerable.Range(0, dimensions).ToList();
        string Code(int i) => $"{{{FirstDimension + i}}}";
        string Max(int i) => $"{{{FirstDimension + dimensions + i}}}";
        var sums = string.Join(",\n", range.Select(i =>
            $"LEAST(GREATEST(COALESCE(SUM(raw) FILTER (WHERE dimension = {Code(i)}), 0), 0), {Max(i)}) AS s{i}"));
        var total = string.Join(" + ", range.Select(i => $"p.s{i}"));
        var scores = string.Join(", ", range.Select(i => $"{Code(i)}::text, COALESCE(p.s{i}, 0)"));
        return $$"""
            WITH sums AS (
                SELECT subject_id, dimension, SUM(points) AS raw
                FROM ledger_entries WHERE scheme_id = {2}
                GROUP BY subject_id, dimension),
            per_subject AS (
                SELECT subject_id,
                       {{sums}}
                FROM sums GROUP BY subject_id),
            totals AS (
                SELECT COALESCE(p.subject_id, r.subject_id) AS subject_id, r.name,
                       COALESCE({{total}}, 0) AS total, jsonb_build_object({{scores}}) AS scores
                FROM per_subject p FULL JOIN assessment_roll({0}, {1}) r ON r.subject_id = p.subject_id),
            ranked AS (
                SELECT subject_id, name, total, scores,
                       RANK() OVER (ORDER BY total DESC) AS rank,
                       COUNT(*) OVER (ORDER BY total DESC) AS at_or_above,
                       COUNT(*) OVER () AS subjects
                FROM totals)
            SELECT r.subject_id,
                   COALESCE(r.name, (SELECT n.name FROM assessment_subject_names n WHERE n.subject_id = r.subject_id LIMIT 1), '') AS name,
                   r.total, r.scores, r.rank, r.at_or_above, r.subjects,
                   CASE WHEN r.total >= {3} AND r.at_or_above <= floor({6} * r.subjects) THEN 'Excellent'
                        WHEN r.total >= {4} THEN 'Qualified'
                        WHEN r.total >= {5} THEN 'BasicallyQualified'
                        ELSE 'Unqualified' END AS grade_name
            FROM ranked r
            """;
    }

    public static IQueryable<StandingRow> For(AssessmentDbContext db, Scheme scheme) =>
        db.Database.SqlQueryRaw<StandingRow>(Sql(scheme.Dimensions.Count), Parameters(scheme));

    /// <summary>
    /// Stores every subject's result for a closed year; returns how many. Runs in the caller's
    /// transaction, whose settings it tunes for these statements: no JIT (compiling the plan costs more
    /// than it saves on a statement that runs once), room to sort the totals in memory, and no hash
    /// aggregation, so the sums stream from the covering index in subject order (half the pages of the
    /// table, no hash table of every subject × dimension), as a plain GROUP BY over the ledger reads them.
    /// The results are computed into a temporary table first and then inserted: PostgreSQL never scans
    /// with parallel workers for the SELECT of an INSERT, but does for CREATE TABLE … AS, so the ledger
    /// is read by as many processes as a plain GROUP BY over it is (the insert of one row per subject is
    /// small beside it).
    /// </summary>
    public static async Task<int> InsertResultsAsync(AssessmentDbContext db, Scheme scheme, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET LOCAL enable_hashagg = off; DROP TABLE IF EXISTS pg_temp.closing_results", ct);
        // Only placeholders are spliced in (the text depends on the number of dimensions); every value is a parameter.
        var compute = """
            CREATE TEMPORARY TABLE closing_results ON COMMIT DROP AS
            SELECT s.subject_id, left(s.name, 50) AS name, s.total, s.scores, s.grade_name AS grade, s.rank::int AS rank
            FROM (
            """ + Sql(scheme.Dimensions.Count) + ") AS s";
        await db.Database.ExecuteSqlRawAsync(compute, Parameters(scheme), ct);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessment_results (scheme_id, subject_id, name, total, scores, grade, rank)
            SELECT {scheme.Id}, subject_id, name, total, scores, grade, rank FROM closing_results;
            DROP TABLE closing_results
            """, ct);
    }

    /// <summary>Computes the results again after a correction: replaces the stored rows in the open transaction.</summary>
    public static async Task<int> RewriteResultsAsync(AssessmentDbContext db, Scheme scheme, CancellationToken ct)
    {
        await db.Results.Where(r => r.SchemeId == scheme.Id).ExecuteDeleteAsync(ct);
        return await InsertResultsAsync(db, scheme, ct);
    }

    private static object[] Parameters(Scheme scheme) =>
    [
        scheme.OrganisationId,
        scheme.SubjectType.ToString(),
        scheme.Id,
        scheme.ExcellentFrom,
        scheme.QualifiedFrom,
        scheme.BasicallyQualifiedFrom,
        scheme.ExcellentShareCap ?? 1m, // no cap: every subject may be Excellent
        .. scheme.Dimensions.Select(d => (object)d.Code),
        .. scheme.Dimensions.Select(d => (object)d.Max),
    ];
}
