using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Schemes;

/// <summary>
/// POST /schemes/{id}/reopen: answered, never done. A published year is corrected only through
/// objections; the endpoint exists so a client asking gets the rule (422) instead of a 404, and
/// nothing changes.
/// </summary>
public static class ReopenScheme
{
    public static RouteHandlerBuilder MapReopenScheme(this IEndpointRouteBuilder api) =>
        // Undoing a closed year is the town's call.
        api.MapPost("/schemes/{id:guid}/reopen", HandleAsync).RequireAccess(AssessmentAccess.TownOnly)
            .WithName("ReopenScheme")
            .WithSummary("重新开启考核年度（不允许）/ Reopen a closed year (refused)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid id, AssessmentDbContext db, CancellationToken ct)
    {
        if (await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        scheme.Reopen(); // throws the rule that refuses it
        return TypedResults.NoContent();
    }
}
