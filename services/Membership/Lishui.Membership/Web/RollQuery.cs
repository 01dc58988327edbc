using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Features;
using Lishui.Membership.Protection;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Web;

/// <summary>What a roll query asks for: the filters of GET /members, shared by the CSV export.</summary>
public sealed record MemberFilter(
    Guid? OrganisationId, bool? IncludeDescendants, string? Status, string? Cohort, string? Sort, string? IdNumber, string? Name = null, int? JoinedYear = null);

/// <summary>The roll query behind GET /members and its CSV export: one set of filters, one order.</summary>
public static class RollQuery
{
    private const int MaxNameFilterLength = 50;

    /// <summary>The filtered, sorted roll; a malformed filter is a 400 naming it.</summary>
    public static async Task<IQueryable<Member>> QueryAsync(
        MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector, MemberFilter filter, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var statuses = ParseStatuses(filter.Status, errors);
        var cohortFilter = QueryEnums.Parse<Cohort>("cohort", filter.Cohort, errors);
        var order = filter.Sort?.Trim() ?? "name";
        if (order.TrimStart('-') is not ("name" or "joinedOn" or "birthDate"))
        {
            errors.Add(new FieldError("sort", "field.wrong-value", "排序应为 name、joinedOn 或 birthDate（前加 - 为倒序）。",
                "sort must be name, joinedOn or birthDate (prefix - for descending)."));
        }

        var namePart = filter.Name?.Trim();
        if (namePart is { Length: > MaxNameFilterLength })
        {
            errors.Add(new FieldError("name", "field.too-long", $"姓名不超过 {MaxNameFilterLength} 个字符。", $"The name is at most {MaxNameFilterLength} characters."));
        }

        if (filter.JoinedYear is { } year && (year < 1921 || year > responses.Today.Year))
        {
            errors.Add(new FieldError("joinedYear", "field.wrong-value", $"入党年份应在 1921 至 {responses.Today.Year} 之间。",
                $"joinedYear must be between 1921 and {responses.Today.Year}."));
        }

        byte[]? idNumberHash = null;
        if (!string.IsNullOrWhiteSpace(filter.IdNumber))
        {
            var normalised = ResidentIdNumber.Normalise(filter.IdNumber);
            if (new IdNumberMustBeValidRule(normalised) is { } rule && rule.IsBroken())
            {
                errors.Add(PersonalDataProblems.AsFieldError(rule));
            }
            else
            {
                idNumberHash = protector.Hash(normalised);
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var query = db.Members.AsNoTracking();
        if (idNumberHash is not null)
        {
            query = query.Where(m => m.IdNumberHash == idNumberHash);
        }

        if (!string.IsNullOrEmpty(namePart))
        {
            var pattern = "%" + namePart.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(m => EF.Functions.ILike(m.Name, pattern, "\\"));
        }

        if (filter.JoinedYear is { } joined)
        {
            var from = new DateOnly(joined, 1, 1);
            var until = from.AddYears(1);
            query = query.Where(m => m.JoinedOn >= from && m.JoinedOn < until);
        }

        if (filter.OrganisationId is { } org)
        {
            if (filter.IncludeDescendants == true)
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

        var sorted = order switch
        {
            "joinedOn" => query.OrderBy(m => m.JoinedOn),
            "-joinedOn" => query.OrderByDescending(m => m.JoinedOn),
            "birthDate" => query.OrderBy(m => m.BirthDate),
            "-birthDate" => query.OrderByDescending(m => m.BirthDate),
            "-name" => query.OrderByDescending(m => m.Name),
            _ => query.OrderBy(m => m.Name),
        };
        return sorted.ThenBy(m => m.Id);
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
            if (QueryEnums.Parse<MemberStatus>("status", part, errors) is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }
}
