using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Membership.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.OrganisationalTalks;

/// <summary>Who talked with the member (names and offices), on which day, and what came of it.</summary>
public sealed record RecordOrganisationalTalkRequest(DateOnly HeldOn, string TalkedBy, string Outcome, long? ExpectedVersion);

public sealed record OrganisationalTalkResponse(
    Guid Id, Guid MemberId, string MemberName, Guid OrganisationId, int Year, DateOnly OpenedOn, DateOnly DueOn, OrganisationalTalkStatus Status,
    bool Overdue, DateOnly? HeldOn, string? TalkedBy, string? Outcome, string? RecordedBy, DateTimeOffset? RecordedAt, DateTimeOffset? ReminderSentAt, long Version)
{
    public static OrganisationalTalkResponse Of(OrganisationalTalk t, string memberName, DateOnly today) =>
        new(t.Id, t.MemberId.Value, memberName, t.OrganisationId, t.Year, t.OpenedOn, t.DueOn, t.Status, t.IsOverdue(today), t.HeldOn, t.TalkedBy, t.Outcome,
            t.RecordedBy, t.RecordedAt, t.ReminderSentAt, t.Version);
}

/// <summary>Organisational talks (组织谈话) as tasks: list the open and overdue ones of a subtree, read one, record it held.</summary>
public static class OrganisationalTalks
{
    public static IEndpointRouteBuilder MapOrganisationalTalks(this IEndpointRouteBuilder api)
    {
        // Organisational talks (组织谈话): held by the member's organisation, so its secretary (or one above) lists and records them.
        api.MapGet("/organisational-talks", ListAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery)
            .WithName("ListOrganisationalTalks")
            .WithSummary("组织谈话任务 / Organisational talks of an organisation and those below it, earliest due first")
            .WithDescription("按状态（Open、Held）、是否逾期、年度、党员筛选；书记须指定本组织或其下级组织。 / Filter by status, overdue, year and member; a secretary must give their own organisation or one below it.")
            .ProducesValidationProblem();
        api.MapGet("/organisational-talks/{id:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtree, ScopeRef.Route("id", MembershipScopes.OrganisationalTalk))
            .WithName("GetOrganisationalTalk").WithSummary("查看组织谈话任务 / One organisational talk")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/organisational-talks/{id:guid}/record", RecordAsync).RequireAccess(MembershipAccess.ChangeSubtree, ScopeRef.Route("id", MembershipScopes.OrganisationalTalk))
            .WithName("RecordOrganisationalTalk")
            .WithSummary("登记组织谈话（谈话人、日期、结果） / Record who held the talk, when, and its outcome")
            .Accepts<RecordOrganisationalTalkRequest>("application/json")
            .Produces<OrganisationalTalkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Page<OrganisationalTalkResponse>> ListAsync(
        MembershipDbContext db, TimeProvider time, Guid? organisationId, string? status, bool? overdue, int? year, Guid? memberId, int? page, int? pageSize,
        CancellationToken ct)
    {
        var errors = new List<FieldError>();
        OrganisationalTalkStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<OrganisationalTalkStatus>(status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                statusFilter = s;
            }
            else
            {
                errors.Add(new FieldError("status", "field.wrong-value", "状态应为 Open 或 Held。", "status must be Open or Held."));
            }
        }

        if (year is < 2000 or > 2100)
        {
            errors.Add(new FieldError("year", "field.out-of-range", "年度应在 2000 至 2100 之间。", "year must be 2000 to 2100."));
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var today = time.Today();
        var query = db.OrganisationalTalks.AsNoTracking();
        if (organisationId is { } org)
        {
            var subtree = await OrganisationSubtree.IdsAsync(db, org, ct);
            query = query.Where(t => subtree.Contains(t.OrganisationId));
        }

        if (statusFilter is { } st)
        {
            query = query.Where(t => t.Status == st);
        }

        if (overdue is { } late)
        {
            query = late
                ? query.Where(t => t.Status == OrganisationalTalkStatus.Open && t.DueOn < today)
                : query.Where(t => t.Status != OrganisationalTalkStatus.Open || t.DueOn >= today);
        }

        if (year is { } y)
        {
            query = query.Where(t => t.Year == y);
        }

        if (memberId is { } member)
        {
            query = query.Where(t => t.MemberId == new MemberId(member));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .Join(db.Members.AsNoTracking(), t => t.MemberId, m => m.Id, (t, m) => new { t, m.Name })
            .OrderBy(x => x.t.DueOn).ThenBy(x => x.t.Id)
            .Skip(skip).Take(size).ToListAsync(ct);
        return new Page<OrganisationalTalkResponse>(items.Select(x => OrganisationalTalkResponse.Of(x.t, x.Name, today)).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<OrganisationalTalkResponse>, ProblemHttpResult>> GetAsync(Guid id, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        var found = await db.OrganisationalTalks.AsNoTracking().Where(t => t.Id == id)
            .Join(db.Members.AsNoTracking(), t => t.MemberId, m => m.Id, (t, m) => new { t, m.Name }).FirstOrDefaultAsync(ct);
        return found is null
            ? Problems.NotFound("组织谈话", "organisational talk")
            : TypedResults.Ok(OrganisationalTalkResponse.Of(found.t, found.Name, time.Today()));
    }

    private static async Task<Results<Created<OrganisationalTalkResponse>, IdempotentReplay, ProblemHttpResult>> RecordAsync(
        Guid id, ValidatedBody<RecordOrganisationalTalkRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.OrganisationalTalks.AnyAsync(t => t.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("组织谈话", "organisational talk");
        }

        var request = body.Value;
        var recordedBy = Caller.From(http.User).Name;
        return await db.CreateOnceAsync(http, $"organisational-talks.{id:N}.record", request, async ct =>
        {
            var talk = await db.OrganisationalTalks.FirstAsync(t => t.Id == id, ct);
            VersionCheck.EnsureVersion(request.ExpectedVersion, talk.Version);
            var now = time.GetUtcNow();
            talk.Record(request.HeldOn, request.TalkedBy, request.Outcome, recordedBy, now);
            var name = await db.Members.AsNoTracking().Where(m => m.Id == talk.MemberId).Select(m => m.Name).FirstAsync(ct);
            return (OrganisationalTalkResponse.Of(talk, name, TownCalendar.DateOf(now)), $"/organisational-talks/{id}");
        }, time);
    }
}
