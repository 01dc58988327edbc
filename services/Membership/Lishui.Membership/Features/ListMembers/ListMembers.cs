using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.ListMembers;

/// <summary>
/// GET /members: the roll page by page, filtered by organisation (optionally its whole subtree),
/// status (comma-separated), cohort, and sorted by name (default), joinedOn or birthDate ("-" for descending).
/// </summary>
public static class ListMembers
{
    public static RouteHandlerBuilder MapListMembers(this IEndpointRouteBuilder api) =>
        api.MapGet("/members", HandleAsync).WithName("ListMembers").WithSummary("党员名册 / List members, page by page")
            .ProducesValidationProblem();

    private static async Task<Page<MemberResponse>> HandleAsync(
        MembershipDbContext db, MemberResponses responses, Guid? organisationId, bool? includeDescendants, string? status, string? cohort,
        string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var statuses = ParseStatuses(status, errors);
        var cohortFilter = Parse<Cohort>("cohort", cohort, errors);
        var order = sort?.Trim() ?? "name";
        if (order.TrimStart('-') is not ("name" or "joinedOn" or "birthDate"))
        {
            errors.Add(new FieldError("sort", "field.wrong-value", "排序应为 name、joinedOn 或 birthDate（前加 - 为倒序）。",
                "sort must be name, joinedOn or birthDate (prefix - for descending)."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Members.AsNoTracking();
        if (organisationId is { } org)
        {
            if (includeDescendants == true)
            {
                var subtree = await OrganisationSubtree.IdsAsync(db, org, ct);
                query = query.Where(m => subtree.Contains(m.OrganisationId));
            }
            else
            {
                query = query.Where(m => m.OrganisationId == org);
            }
        }

        if (statuses.Count > 0)
        {
            query = query.Where(m => statuses.Contains(m.Status));
        }

        if (cohortFilter is { } c)
        {
            query = WhereIn(query, c, responses.Cohorts, responses.Today);
        }

        var total = await query.CountAsync(ct);
        var sorted = order switch
        {
            "joinedOn" => query.OrderBy(m => m.JoinedOn),
            "-joinedOn" => query.OrderByDescending(m => m.JoinedOn),
            "birthDate" => query.OrderBy(m => m.BirthDate),
            "-birthDate" => query.OrderByDescending(m => m.BirthDate),
            "-name" => query.OrderByDescending(m => m.Name),
            _ => query.OrderBy(m => m.Name),
        };
        var items = await sorted.ThenBy(m => m.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<MemberResponse>(await responses.OfAsync(db, items, ct), number, size, total);
    }

    /// <summary>The same thresholds as <see cref="CohortOptions.Of"/>, as a database filter.</summary>
    private static IQueryable<Member> WhereIn(IQueryable<Member> query, Cohort cohort, CohortOptions options, DateOnly today)
    {
        query = query.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Full);
        if (cohort == Cohort.NewStar)
        {
            var joinedFrom = options.NewStarJoinedFrom(today);
            return query.Where(m => m.JoinedOn >= joinedFrom);
        }

        var bornBy = options.SilverStarBornBy(today);
        var fullBy = options.SilverStarFullBy(today);
        return query.Where(m => m.BirthDate <= bornBy || (m.FullMemberOn != null && m.FullMemberOn <= fullBy));
    }

    private static List<MemberStatus> ParseStatuses(string? value, List<FieldError> errors)
    {
        var result = new List<MemberStatus>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Parse<MemberStatus>("status", part, errors) is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static T? Parse<T>(string field, string? value, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(new FieldError(field, "field.wrong-value", $"应为以下之一：{string.Join("、", Enum.GetNames<T>())}。",
            $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }
}
