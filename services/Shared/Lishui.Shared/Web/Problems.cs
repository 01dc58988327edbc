using Lishui.Shared.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lishui.Shared.Web;

/// <summary>One field's problem: stable code, Chinese message for people, English for the rest.</summary>
public sealed record FieldError(string Field, string Code, string Message, string MessageEn);

/// <summary>
/// RFC 9457 problem details with a stable <c>type</c> (<c>urn:lishui:problem:{code}</c>) and
/// <c>code</c>, a Chinese <c>title</c> and an English <c>titleEn</c>.
/// </summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string titleZh, string titleEn, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"urn:lishui:problem:{code}",
            Status = status,
            Title = titleZh,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["titleEn"] = titleEn;
        return problem;
    }

    public static ProblemDetails Validation(IReadOnlyCollection<FieldError> errors, int status = StatusCodes.Status400BadRequest)
    {
        var problem = Create(status, "validation", "请求内容有误，请检查各字段。", "The request has invalid fields.");
        problem.Extensions["errors"] = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        problem.Extensions["fieldErrors"] = errors;
        return problem;
    }

    public static ProblemDetails RuleBroken(IBusinessRule rule)
    {
        if (rule.Field is { } field)
        {
            var problem = Validation([new FieldError(field, rule.Code, rule.MessageZh, rule.MessageEn)]);
            problem.Status = StatusCodes.Status422UnprocessableEntity;
            problem.Type = $"urn:lishui:problem:{rule.Code}";
            problem.Extensions["code"] = rule.Code;
            return problem;
        }

        return Create(StatusCodes.Status422UnprocessableEntity, rule.Code, rule.MessageZh, rule.MessageEn);
    }

    public static ProblemHttpResult NotFound(string what, string whatEn) =>
        TypedResults.Problem(Create(StatusCodes.Status404NotFound, "not-found", $"未找到该{what}。", $"The {whatEn} was not found."));

    public static ProblemHttpResult Result(ProblemDetails problem) => TypedResults.Problem(problem);
}

/// <summary>
/// Thrown by request binding and validation; the exception handler turns it into a 400 (or
/// <paramref name="status"/>, e.g. 415 for a body of the wrong type) listing each field.
/// </summary>
public sealed class RequestValidationException(IReadOnlyCollection<FieldError> errors, int status = StatusCodes.Status400BadRequest)
    : Exception("Request validation failed: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Code}")))
{
    public IReadOnlyCollection<FieldError> Errors { get; } = errors;

    public int Status { get; } = status;
}
