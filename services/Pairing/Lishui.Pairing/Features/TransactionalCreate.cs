using Lishui.Pairing.Data;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Pairing.Features;

public static class TransactionalCreate
{
    /// <summary>
    /// <see cref="Idempotency.CreateOnceAsync{TResponse}"/> inside one explicit transaction, for a
    /// creation that also runs SQL of its own (locks, counters): all of it commits with the new row
    /// and its outbox entry, or none of it does (a refusal or a replay rolls back).
    /// </summary>
    public static async Task<Results<Created<TResponse>, IdempotentReplay, ProblemHttpResult>> CreateOnceInTransactionAsync<TResponse>(
        this PairingDbContext db,
        HttpContext http,
        string scope,
        object request,
        Func<CancellationToken, Task<(TResponse Body, string Location)>> create,
        TimeProvider time)
    {
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await db.CreateOnceAsync(http, scope, request, create, time);
        if (result.Result is Created<TResponse>)
        {
            await tx.CommitAsync(http.RequestAborted);
        }

        return result;
    }
}
