using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Lishui.Shared.Web;

/// <summary>
/// Writes a problem as JSON whatever the client's <c>Accept</c> says, after the default writer
/// declined: otherwise an exception answered for a client accepting only text/html is rethrown and
/// becomes a bare 500, and a status code page becomes plain text.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
