using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Commendations;

public sealed record CommendationResponse(
    Guid Id, Guid MemberId, string MemberName, Guid OrganisationId, int Year, Guid SchemeId, Guid NoticeId, DateTimeOffset CommendedAt);

/// <summary>Commendations (表彰) recorded from Assessment's final results: on the member, and per organisation and year.</summary>
public static class Commendations
{
    public static IEndpointRouteBuilder MapCommendations(this IEndpointRouteBuilder api)
    {
        // Commendations (表彰): on the member as member reads are; per organisation for its secretary.
        api.MapGet("/members/{id:guid}/commendations", OfMemberAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute)
            .WithName("ListMemberCommendations")
            .WithSummary("党员历年表彰 / A member's commendations, latest year first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/commendations", ListAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery)
            .WithName("ListCommendations")
            .WithSummary("表彰名单 / Commended members of an organisation (with those below it), by year")
            .WithDescription("organisationId 含其下级组织；书记须指定本组织或其下级组织。 / organisationId covers the organisations below it too; a secretary must give their own organisation or one below it.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<List<CommendationResponse>>, ProblemHttpResult>> OfMemberAsync(Guid id, MembershipDbContext db, CancellationToken ct)
    {
        if (await db.Members.AsNoTracking().Where(m => m.Id == new MemberId(id)).Select(m => m.Name).FirstOrDefaultAsync(ct) is not { } name)
        {
            return Problems.NotFound("党员", "member");
        }

        var items = await db.Commendations.AsNoTracking().Where(c => c.MemberId == new MemberId(id)).OrderByDescending(c => c.Year).ToListAsync(ct);
        return TypedResults.Ok(items.Select(c => new CommendationResponse(c.Id, c.MemberId.Value, name, c.OrganisationId, c.Year, c.SchemeId, c.NoticeId, c.CommendedAt)).ToList());
    }

    private static async Task<Page<CommendationResponse>> ListAsync(
        MembershipDbContext db, Guid? organisationId, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            throw new RequestValidationException([new FieldError("year", "field.out-of-range", "年度应在 2000 至 2100 之间。", "year must be 2000 to 2100.")]);
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Commendations.AsNoTracking();
        if (organisationId is { } org)
        {
            var subtree = await OrganisationSubtree.IdsAsync(db, org, ct);
            query = query.Where(c => subtree.Contains(c.OrganisationId));
        }

        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .Join(db.Members.AsNoTracking(), c => c.MemberId, m => m.Id, (c, m) => new { c, m.Name })
            .OrderByDescending(x => x.c.Year).ThenBy(x => x.Name).ThenBy(x => x.c.Id)
            .Skip(skip).Take(size)
            .Select(x => new CommendationResponse(x.c.Id, x.c.MemberId.Value, x.Name, x.c.OrganisationId, x.c.Year, x.c.SchemeId, x.c.NoticeId, x.c.CommendedAt))
            .ToListAsync(ct);
        return new Page<CommendationResponse>(items, number, size, total);
    }
}
