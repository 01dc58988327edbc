using Lishui.Pairing.Data;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Contacts;

/// <summary>
/// Finds member pairs whose contact is overdue and publishes ContactOverdue for each newly missed
/// due date. The pair remembers the due date it reported, so running twice a day (or a replica
/// running it too) reports nothing twice; a concurrent run loses on the pair's version and retries tomorrow.
/// </summary>
public sealed class ContactOverdueCheck(PairingDbContext db, TimeProvider time)
{
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => p.EndedAt == null && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .Select(p => new { p.Id, p.OrganBranchId, p.ContactEveryDays })
            .ToDictionaryAsync(p => p.Id, ct);
        var ids = pairings.Keys.ToList();
        var pairs = await db.MemberPairs.Where(p => p.EndedOn == null && ids.Contains(p.PairingId)).ToListAsync(ct);
        var now = time.GetUtcNow();
        var published = 0;
        foreach (var pair in pairs)
        {
            var pairing = pairings[pair.PairingId];
            if (!pair.MarkOverdue(pairing.ContactEveryDays, today, pairing.OrganBranchId, now))
            {
                continue;
            }

            published++;
        }

        await db.SaveChangesAsync(ct);
        return published;
    }
}
