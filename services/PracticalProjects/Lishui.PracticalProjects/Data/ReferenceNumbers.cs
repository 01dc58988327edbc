using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

/// <summary>This service's public reference numbers, MS{year}-{n:00000}, sequential per year.</summary>
public static class ReferenceNumbers
{
    public const string Prefix = "MS";

    /// <summary>
    /// The next number of <paramref name="year"/>. The upsert holds the year's row lock until the
    /// caller's transaction ends, so concurrent requests queue and each gets the next number, and a
    /// rolled-back one leaves no gap.
    /// </summary>
    public static async Task<string> NextAsync(ProjectsDbContext db, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A reference number is taken inside the transaction that stores the request.");
        }

        var last = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (year, last) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct);
        return $"{Prefix}{year}-{last.Single():00000}";
    }
}
