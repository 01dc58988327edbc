using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Objections;

/// <summary>Name and contact are optional: an objection may be anonymous.</summary>
public sealed record FileObjectionRequest(string Text, string? Concerning, string? FiledBy, string? Contact);

/// <summary>POST /notices/{id}/objections: a resident objects during the publication window (no login).</summary>
public static class FileObjection
{
    public static RouteHandlerBuilder MapFileObjection(this IEndpointRouteBuilder api) =>
        api.MapPost("/notices/{id:guid}/objections", HandleAsync)
            .AllowAnonymous()
            .WithName("FileObjection")
            .WithSummary("提出异议 / File an objection")
            .Accepts<FileObjectionRequest>("application/json")
            .Produces<ObjectionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Guid id, ValidatedBody<FileObjectionRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        if (await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, http.RequestAborted) is not { } notice)
        {
            return Problems.NotFound("公示", "notice");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"objections.file:{id}", request, ct =>
        {
            var now = time.GetUtcNow();
            var objection = Objection.File(Guid.CreateVersion7(now), notice, request.Concerning, request.Text, request.FiledBy, request.Contact,
                DateOnly.FromDateTime(now.UtcDateTime), now);
            db.Objections.Add(objection);
            return Task.FromResult((ObjectionResponse.From(objection), $"/notices/{id}/objections/{objection.Id}"));
        }, time);
    }
}
