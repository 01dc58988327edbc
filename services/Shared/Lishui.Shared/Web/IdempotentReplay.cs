using System.Text;
using Microsoft.AspNetCore.Http;

namespace Lishui.Shared.Web;

/// <summary>
/// The stored first answer to a request sent again with the same <c>Idempotency-Key</c>: its status, its
/// <c>Location</c> and its JSON body as they were, marked <c>Idempotent-Replayed: true</c>. It adds nothing
/// to the API document: a replay answers with a status and body the operation already describes.
/// </summary>
public sealed class IdempotentReplay(IdempotencyRecord record) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => record.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => record.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = record.StatusCode;
        httpContext.Response.Headers[Idempotency.ReplayedHeader] = "true";
        if (record.Location is { } location)
        {
            httpContext.Response.Headers.Location = location;
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(record.ResponseBody, Encoding.UTF8, httpContext.RequestAborted);
    }
}
