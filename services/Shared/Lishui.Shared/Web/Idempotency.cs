using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lishui.Shared.Web;

public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// Runs a creating command once per <c>Idempotency-Key</c>. <paramref name="create"/> changes the
    /// context (state + outbox); this saves it together with the stored response in one transaction.
    /// A retry with the same key and body gets the first response back; the same key with another
    /// body is refused.
    /// </summary>
    public static async Task<Results<Created<TResponse>, IdempotentReplay, ProblemHttpResult>> CreateOnceAsync<TResponse>(
        this DbContext db,
        HttpContext http,
        string scope,
        object request,
        Func<CancellationToken, Task<(TResponse Body, string Location)>> create,
        TimeProvider time)
    {
        var ct = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var key = http.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            var (body, location) = await create(ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created(location, body);
        }

        if (key.Length > 200)
        {
            return Problems.Result(Problems.Validation([new FieldError(HeaderName, "idempotency-key.too-long", "Idempotency-Key 不能超过 200 个字符。", "Idempotency-Key must be at most 200 characters.")]));
        }

        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), json)));
        if (await FindAsync(db, scope, key, ct) is { } earlier)
        {
            return Replay<Created<TResponse>>(earlier, hash);
        }

        var (created, createdAt) = await create(ct);
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = hash,
            StatusCode = StatusCodes.Status201Created,
            Location = createdAt,
            ResponseBody = JsonSerializer.Serialize(created, json),
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry with the same key won: nothing of ours was written; answer as it did.
            db.ChangeTracker.Clear();
            if (await FindAsync(db, scope, key, ct) is { } winner)
            {
                return Replay<Created<TResponse>>(winner, hash);
            }

            throw;
        }

        return TypedResults.Created(createdAt, created);
    }

    /// <summary>
    /// Runs a change to an existing resource (answered 200 with its new state) once per <c>Idempotency-Key</c>:
    /// a double click sends the same key twice and the second gets the first answer, changing nothing. Without
    /// a key the change runs as before. Two requests with one key at once: the loser finds the winner's answer.
    /// </summary>
    public static async Task<Results<Ok<TResponse>, IdempotentReplay, ProblemHttpResult>> ChangeOnceAsync<TResponse>(
        this DbContext db,
        HttpContext http,
        string scope,
        object request,
        Func<CancellationToken, Task<TResponse>> change,
        TimeProvider time)
    {
        var ct = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var key = http.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            var body = await change(ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(body);
        }

        if (key.Length > 200)
        {
            return Problems.Result(Problems.Validation([new FieldError(HeaderName, "idempotency-key.too-long", "Idempotency-Key 不能超过 200 个字符。", "Idempotency-Key must be at most 200 characters.")]));
        }

        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), json)));
        if (await FindAsync(db, scope, key, ct) is { } earlier)
        {
            return Replay<Ok<TResponse>>(earlier, hash);
        }

        var changed = await change(ct);
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = hash,
            StatusCode = StatusCodes.Status200OK,
            ResponseBody = JsonSerializer.Serialize(changed, json),
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key at the same moment (its record, or the resource's version, collided): answer as the winner did.
            db.ChangeTracker.Clear();
            if (await FindAsync(db, scope, key, ct) is { } winner)
            {
                return Replay<Ok<TResponse>>(winner, hash);
            }

            throw;
        }

        return TypedResults.Ok(changed);
    }

    private static Task<IdempotencyRecord?> FindAsync(DbContext db, string scope, string key, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);

    private static Results<TAnswer, IdempotentReplay, ProblemHttpResult> Replay<TAnswer>(IdempotencyRecord earlier, string hash)
        where TAnswer : IResult
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
        {
            return Problems.Result(Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key.reused",
                "该 Idempotency-Key 已用于另一个不同的请求。", "This Idempotency-Key was already used for a different request."));
        }

        return new IdempotentReplay(earlier);
    }
}
