using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Schemes;

public static class GetScheme
{
    public static RouteHandlerBuilder MapGetScheme(this IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Scheme).WithName("GetScheme").WithSummary("考核方案 / A scheme");

    private static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> HandleAsync(Guid id, AssessmentDbContext db, CancellationToken ct) =>
        await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } scheme
            ? TypedResults.Ok(SchemeResponse.From(scheme))
            : Problems.NotFound("考核方案", "scheme");
}
