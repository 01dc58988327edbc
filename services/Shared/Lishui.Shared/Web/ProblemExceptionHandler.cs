using Lishui.Shared.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Web;

/// <summary>
/// Turns exceptions into RFC 9457 responses. Nothing internal (stack traces, type names) leaves
/// the process outside Development.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment env, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            RequestValidationException v => Problems.Validation(v.Errors, v.Status),
            BusinessRuleViolation r => Problems.RuleBroken(r.Rule),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException =>
                Problems.Create(StatusCodes.Status409Conflict, "concurrency.conflict", "数据已被他人修改，请刷新后重试。", "Someone else changed this in the meantime; reload and retry."),
            Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } =>
                Problems.Create(StatusCodes.Status409Conflict, "conflict.duplicate", "该记录已存在或已被他人同时修改，请刷新后重试。", "This already exists or was changed at the same time; reload and retry."),
            _ when DataError(exception) is { } data =>
                Problems.Create(StatusCodes.Status400BadRequest, "request.value-not-storable", "请求中有值无法保存（格式、长度或范围不被接受）。",
                    "A value in the request cannot be stored (its format, length or range is not accepted).", env.IsDevelopment() ? data.MessageText : null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Create(StatusCodes.Status413PayloadTooLarge, "request.too-large", "请求体过大。", "The request body is too large."),
            BadHttpRequestException b =>
                Problems.Create(b.StatusCode, "request.malformed", "请求格式有误。", "The request is malformed.", env.IsDevelopment() ? b.Message : null),
            _ => null,
        };

        if (problem is null && exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and it is no server fault.
            http.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        if (problem is null)
        {
            LogUnhandled(exception, http.Request.Method, http.Request.Path);
            problem = Problems.Create(StatusCodes.Status500InternalServerError, "server.error", "服务器内部错误，请稍后再试。", "An internal error occurred; please try again later.",
                env.IsDevelopment() ? exception.ToString() : null);
        }

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// PostgreSQL's data exceptions (class 22: text it cannot hold, a value too long or out of range)
    /// come from what the client sent, so they are the client's 400, not a server fault.
    /// </summary>
    private static Npgsql.PostgresException? DataError(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: [ '2', '2', _, _, _ ] } data)
            {
                return data;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception e, string method, string path);
}
