using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.Shared.Domain;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Web;

/// <summary>Storing a new request of this service's own: reference number, request, contact and event in one transaction.</summary>
public static class RequestIntake
{
    public static async Task<Results<Created<RequestResponse>, IdempotentReplay, ProblemHttpResult>> RecordOnceAsync(
        ProjectsDbContext db, HttpContext http, string scope, object body, TimeProvider time,
        Func<string, DateTimeOffset, CancellationToken, Task<ResidentRequest>> create)
    {
        var ct = http.RequestAborted;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await db.CreateOnceAsync(http, scope, body, async token =>
        {
            var now = time.GetUtcNow();
            var reference = await ReferenceNumbers.NextAsync(db, time.Today().Year, token);
            var request = await create(reference, now, token);
            db.ResidentRequests.Add(request);
            return (RequestResponse.From(request), $"/resident-requests/{request.Id.Value}");
        }, time);

        // Only a new request commits; a replay or a refusal gives its reference number back.
        if (result.Result is Created<RequestResponse>)
        {
            await tx.CommitAsync(ct);
        }

        return result;
    }
}
