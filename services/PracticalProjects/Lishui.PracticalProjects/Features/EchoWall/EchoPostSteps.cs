using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>Steps the echo-wall slices share.</summary>
internal static class EchoPostSteps
{
    public static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> ChangeAsync(ProjectsDbContext db, Guid id, Action<EchoPost> change, CancellationToken ct)
    {
        if (await db.EchoPosts.FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), ct) is not { } post)
        {
            return Problems.NotFound("留言", "post");
        }

        change(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PostResponse.From(post, await db.RequesterContacts.AnyAsync(c => c.EchoPostId == id, ct)));
    }

    public static async Task CheckLinksAsync(ProjectsDbContext db, Guid? requestId, Guid? projectId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (requestId is { } rid && !await db.ResidentRequests.AnyAsync(r => r.Id == new ResidentRequestId(rid), ct))
        {
            errors.Add(new FieldError("linkedRequestId", "request.unknown", "关联的诉求不存在。", "The linked request does not exist."));
        }

        if (projectId is { } pid && !await db.Projects.AnyAsync(p => p.Id == new ProjectId(pid), ct))
        {
            errors.Add(new FieldError("linkedProjectId", "project.unknown", "关联的项目不存在。", "The linked project does not exist."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
