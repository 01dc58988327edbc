using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features;

/// <summary>A member's history of one kind: all of it, oldest first, or one entry of it.</summary>
public static class MemberRecords
{
    public static async Task<Results<Ok<List<TResponse>>, ProblemHttpResult>> HistoryAsync<TRecord, TResponse>(
        MembershipDbContext db, Guid id, Func<TRecord, TResponse> respond, CancellationToken ct)
        where TRecord : class, IMemberRecord
    {
        var member = new MemberId(id);
        if (!await db.Members.AnyAsync(m => m.Id == member, ct))
        {
            return Problems.NotFound("党员", "member");
        }

        var records = await db.Set<TRecord>().AsNoTracking().Where(r => r.MemberId == member)
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(records.Select(respond).ToList());
    }

    /// <param name="nameZh">What the entry is called in the 404 (Chinese), <paramref name="nameEn"/> in English.</param>
    public static async Task<Results<Ok<TResponse>, ProblemHttpResult>> GetAsync<TRecord, TResponse>(
        MembershipDbContext db, Guid id, Guid entryId, Func<TRecord, TResponse> respond, string nameZh, string nameEn, CancellationToken ct)
        where TRecord : class, IMemberRecord
    {
        var member = new MemberId(id);
        return await db.Set<TRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == entryId && r.MemberId == member, ct) is { } entry
            ? TypedResults.Ok(respond(entry))
            : Problems.NotFound(nameZh, nameEn);
    }
}
