using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Features.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>A resident's post; without displayName it is anonymous. A contact left here is never shown on the wall.</summary>
public sealed record WritePostRequest(
    string Text, string? DisplayName, Guid? OrganisationId, Guid? LinkedRequestId, Guid? LinkedProjectId, string? ContactName, string? ContactPhone);

/// <summary><c>answeredBy</c> is the signature shown on the wall (e.g. 鹤峰村委会); who answered is in the audit trail.</summary>
public sealed record AnswerPostRequest(string Text, string AnsweredBy);

/// <summary><c>moderatedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record ModeratePostRequest(string Reason, string? ModeratedBy = null);

public sealed record LinkPostRequest(Guid? RequestId, Guid? ProjectId);

/// <summary><c>recordedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record PostToRequestRequest(Guid? OrganisationId, ProjectDomain? Category, string? Location, string? RecordedBy = null);

public sealed record EchoAnswerResponse(string Text, string AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>A post as the public sees it (only visible posts are listed publicly).</summary>
public sealed record PublicPostResponse(
    Guid Id, string Text, string Author, bool Anonymous, DateTimeOffset PostedAt, Guid? LinkedRequestId, Guid? LinkedProjectId,
    IReadOnlyList<EchoAnswerResponse> Answers);

public sealed record ModerationResponse(bool Hidden, string Reason, string ModeratedBy, DateTimeOffset At);

/// <summary>The moderators' view: hidden posts too, with the moderation record.</summary>
public sealed record PostResponse(
    Guid Id, string Text, string? DisplayName, Guid? OrganisationId, DateTimeOffset PostedAt, bool Hidden, Guid? LinkedRequestId, Guid? LinkedProjectId,
    bool ContactLeft, IReadOnlyList<EchoAnswerResponse> Answers, IReadOnlyList<ModerationResponse> Moderation, long Version)
{
    public static PostResponse From(EchoPost p, bool contactLeft) =>
        new(p.Id.Value, p.Text, p.DisplayName, p.OrganisationId, p.PostedAt, p.Hidden, p.LinkedRequestId, p.LinkedProjectId, contactLeft,
            p.Answers.Select(a => new EchoAnswerResponse(a.Text, a.AnsweredBy, a.AnsweredAt)).ToList(),
            p.Moderation.Select(m => new ModerationResponse(m.Hidden, m.Reason, m.ModeratedBy, m.At)).ToList(), p.Version);
}

/// <summary>回音壁: residents post, the village answers; moderators hide (never delete); a post can become a resident request.</summary>
public static class EchoWallApi
{
    public static IEndpointRouteBuilder MapEchoWall(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts", WriteAsync).WithName("WriteEchoPost").WithSummary("回音壁留言 / Post on the echo wall")
            .Accepts<WritePostRequest>("application/json").Produces<PostResponse>(StatusCodes.Status201Created);
        api.MapGet("/public/echo-wall", PublicListAsync).WithName("PublicEchoWall").WithSummary("回音壁（公开）/ The public echo wall");
        api.MapGet("/echo-wall/posts", ListAsync).WithName("ListEchoPosts").WithSummary("回音壁管理列表（含已隐藏）/ All posts, for moderators");
        api.MapGet("/echo-wall/posts/{id:guid}", GetAsync).WithName("GetEchoPost").WithSummary("留言详情 / A post");
        api.MapPost("/echo-wall/posts/{id:guid}/answers", AnswerAsync).WithName("AnswerEchoPost").WithSummary("官方答复 / Answer a post")
            .Accepts<AnswerPostRequest>("application/json");
        api.MapPost("/echo-wall/posts/{id:guid}/hide", HideAsync).WithName("HideEchoPost").WithSummary("隐藏留言（须说明原因）/ Hide a post")
            .Accepts<ModeratePostRequest>("application/json");
        api.MapPost("/echo-wall/posts/{id:guid}/restore", RestoreAsync).WithName("RestoreEchoPost").WithSummary("恢复显示 / Show a hidden post again")
            .Accepts<ModeratePostRequest>("application/json");
        api.MapPost("/echo-wall/posts/{id:guid}/link", LinkAsync).WithName("LinkEchoPost").WithSummary("关联诉求或项目 / Link to a request or project")
            .Accepts<LinkPostRequest>("application/json");
        api.MapPost("/echo-wall/posts/{id:guid}/resident-request", ToRequestAsync).WithName("EchoPostToRequest")
            .WithSummary("留言转为群众诉求 / Turn a post into a resident request").Accepts<PostToRequestRequest>("application/json")
            .Produces<RequestResponse>(StatusCodes.Status201Created);
        return api;
    }

    private static async Task<IResult> WriteAsync(ValidatedBody<WritePostRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        await CheckLinksAsync(db, r.LinkedRequestId, r.LinkedProjectId, http.RequestAborted);
        return await db.CreateOnceAsync(http, "echo-wall.post", r, _ =>
        {
            var now = time.GetUtcNow();
            var post = EchoPost.Post(new EchoPostId(Guid.CreateVersion7(now)), r.Text, r.DisplayName, r.OrganisationId, r.LinkedRequestId, r.LinkedProjectId, now);
            var contact = RequesterContact.Create(Guid.CreateVersion7(now), r.ContactName, r.ContactPhone, null, post.Id.Value, now);
            db.EchoPosts.Add(post);
            if (contact is not null)
            {
                db.RequesterContacts.Add(contact);
            }

            return Task.FromResult((PostResponse.From(post, contact is not null), $"/echo-wall/posts/{post.Id.Value}"));
        }, time);
    }

    private static async Task<Page<PublicPostResponse>> PublicListAsync(ProjectsDbContext db, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.EchoPosts.AsNoTracking().Where(p => !p.Hidden);
        query = organisationId is { } org ? query.Where(p => p.OrganisationId == org) : query;
        var total = await query.CountAsync(ct);
        var posts = await query.OrderByDescending(p => p.PostedAt).Skip(skip).Take(size).AsSplitQuery().ToListAsync(ct);
        return new Page<PublicPostResponse>(posts.Select(p => new PublicPostResponse(
            p.Id.Value, p.Text, p.DisplayName ?? "匿名", p.DisplayName is null, p.PostedAt, p.LinkedRequestId, p.LinkedProjectId,
            p.Answers.Select(a => new EchoAnswerResponse(a.Text, a.AnsweredBy, a.AnsweredAt)).ToList())).ToList(), number, size, total);
    }

    private static async Task<Page<PostResponse>> ListAsync(ProjectsDbContext db, bool? hidden, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.EchoPosts.AsNoTracking();
        query = hidden is { } h ? query.Where(p => p.Hidden == h) : query;
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(p => p.OrganisationId != null && subtree.Contains(p.OrganisationId.Value));
        }

        var total = await query.CountAsync(ct);
        var posts = await query.OrderByDescending(p => p.PostedAt).Skip(skip).Take(size).AsSplitQuery().ToListAsync(ct);
        var ids = posts.Select(p => (Guid?)p.Id.Value).ToList();
        var withContact = await db.RequesterContacts.Where(c => ids.Contains(c.EchoPostId)).Select(c => c.EchoPostId!.Value).ToListAsync(ct);
        return new Page<PostResponse>(posts.Select(p => PostResponse.From(p, withContact.Contains(p.Id.Value))).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct) =>
        await db.EchoPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), ct) is { } post
            ? TypedResults.Ok(PostResponse.From(post, await db.RequesterContacts.AnyAsync(c => c.EchoPostId == id, ct)))
            : Problems.NotFound("留言", "post");

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, ValidatedBody<AnswerPostRequest> body, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var r = body.Value;
        return await ChangeAsync(db, id, p => p.Answer(Guid.CreateVersion7(time.GetUtcNow()), r.Text, r.AnsweredBy, time.GetUtcNow()), ct);
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> HideAsync(
        Guid id, ValidatedBody<ModeratePostRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        return await ChangeAsync(db, id, p => p.Hide(r.Reason, Caller.From(user).Name, time.GetUtcNow()), ct);
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> RestoreAsync(
        Guid id, ValidatedBody<ModeratePostRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        return await ChangeAsync(db, id, p => p.Restore(r.Reason, Caller.From(user).Name, time.GetUtcNow()), ct);
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> LinkAsync(
        Guid id, ValidatedBody<LinkPostRequest> body, ProjectsDbContext db, CancellationToken ct)
    {
        var r = body.Value;
        if (r is { RequestId: null, ProjectId: null })
        {
            throw new RequestValidationException([new FieldError("requestId", "echo.link-empty", "须指定要关联的诉求或项目。", "Give a request or a project to link.")]);
        }

        await CheckLinksAsync(db, r.RequestId, r.ProjectId, ct);
        return await ChangeAsync(db, id, p => p.Link(r.RequestId, r.ProjectId), ct);
    }

    /// <summary>The post becomes a request (origin EchoWall, this service's reference number); a contact left with the post moves to it.</summary>
    private static async Task<IResult> ToRequestAsync(Guid id, ValidatedBody<PostToRequestRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        if (await db.EchoPosts.FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), http.RequestAborted) is not { } post)
        {
            return Problems.NotFound("留言", "post");
        }

        if (post.LinkedRequestId is not null && http.Request.Headers[Idempotency.HeaderName].Count == 0)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status409Conflict, "echo.already-a-request", "该留言已关联诉求。", "The post is already linked to a request."));
        }

        var organisationId = r.OrganisationId ?? post.OrganisationId
            ?? throw new RequestValidationException([new FieldError("organisationId", "field.required", "须指定诉求所属的村。", "The village the request concerns is required.")]);
        if (organisationId != post.OrganisationId
            && await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.Organisation, organisationId) is { } refused)
        {
            return refused;
        }

        return await RequestIntake.RecordOnceAsync(db, http, $"echo-wall.to-request:{id}", r, time, async (reference, now, ct) =>
        {
            if (post.LinkedRequestId is not null)
            {
                throw new RequestValidationException([new FieldError("id", "echo.already-a-request", "该留言已关联诉求。", "The post is already linked to a request.")]);
            }

            var contact = await db.RequesterContacts.FirstOrDefaultAsync(c => c.EchoPostId == id, ct);
            var requestId = new ResidentRequestId(Guid.CreateVersion7(now));
            contact?.BelongsTo(requestId.Value);
            var request = ResidentRequest.Record(
                requestId, reference, RequestOrigin.EchoWall, organisationId, null, post.Text, r.Location ?? string.Empty, r.Category ?? ProjectDomain.Other,
                TownCalendar.DateOf(post.PostedAt), time.Today(), contact is not null, post.Id.Value, Caller.From(http.User).Name);
            post.Link(request.Id.Value, null);
            return request;
        });
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> ChangeAsync(ProjectsDbContext db, Guid id, Action<EchoPost> change, CancellationToken ct)
    {
        if (await db.EchoPosts.FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), ct) is not { } post)
        {
            return Problems.NotFound("留言", "post");
        }

        change(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PostResponse.From(post, await db.RequesterContacts.AnyAsync(c => c.EchoPostId == id, ct)));
    }

    private static async Task CheckLinksAsync(ProjectsDbContext db, Guid? requestId, Guid? projectId, CancellationToken ct)
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
