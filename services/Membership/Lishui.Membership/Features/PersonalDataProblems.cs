using Lishui.Membership.Data;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Shared.Domain;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features;

/// <summary>Thrown when the ID number is already on the roll; answered as 409 naming the idNumber field.</summary>
public sealed class DuplicateIdNumberException() : Exception("The ID card number is already on the roll.");

public static class PersonalDataProblems
{
    public static IEnumerable<FieldError> Check(PersonalDetails details, DateOnly birthDate, bool idNumberRequired = true) =>
        PersonalDataRules.For(details, birthDate, idNumberRequired).Where(r => r.IsBroken()).Select(AsFieldError);

    public static FieldError AsFieldError(IBusinessRule rule) => new(rule.Field ?? "$", rule.Code, rule.MessageZh, rule.MessageEn);

    public static ProblemDetails DuplicateIdNumber()
    {
        var problem = Problems.Validation([new FieldError(PersonalDetails.IdNumberField, "member.id-number-duplicate",
            "该身份证号已在党员名册中登记。", "This ID card number is already on the roll.")]);
        problem.Status = StatusCodes.Status409Conflict;
        problem.Type = "urn:lishui:problem:member.id-number-duplicate";
        problem.Extensions["code"] = "member.id-number-duplicate";
        return problem;
    }

    /// <summary>Whether a failed save hit the unique ID-number hash (a concurrent registration of the same person).</summary>
    public static bool IsDuplicateIdNumber(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } pg
        && pg.ConstraintName == MembershipDbContext.IdNumberHashIndex;

    /// <summary>Runs <paramref name="action"/>, answering a duplicate ID number (seen first or caught by the index) with 409.</summary>
    public static async Task<Results<TAnswer, IdempotentReplay, ProblemHttpResult>> GuardDuplicateIdNumberAsync<TAnswer>(
        Func<Task<Results<TAnswer, IdempotentReplay, ProblemHttpResult>>> action)
        where TAnswer : IResult
    {
        try
        {
            return await action();
        }
        catch (DuplicateIdNumberException)
        {
            return Problems.Result(DuplicateIdNumber());
        }
        catch (DbUpdateException e) when (IsDuplicateIdNumber(e))
        {
            return Problems.Result(DuplicateIdNumber());
        }
    }
}
