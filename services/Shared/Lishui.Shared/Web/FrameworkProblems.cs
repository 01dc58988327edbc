using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lishui.Shared.Web;

/// <summary>
/// Gives the problems the framework writes itself (status code pages: no route, wrong method,
/// a parameter binding refused) the platform's stable code and a Chinese title, like <see cref="Problems"/>.
/// </summary>
internal static class FrameworkProblems
{
    public static void Describe(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var (code, zh, en) = status switch
        {
            StatusCodes.Status400BadRequest => ("request.malformed", "请求格式有误。", "The request is malformed."),
            StatusCodes.Status404NotFound => ("not-found", "未找到请求的资源。", "The resource was not found."),
            StatusCodes.Status405MethodNotAllowed => ("request.method-not-allowed", "该资源不支持此请求方法。", "The resource does not support this method."),
            StatusCodes.Status406NotAcceptable => ("request.not-acceptable", "无法以请求的格式作答。", "The response cannot be given in the requested format."),
            StatusCodes.Status408RequestTimeout => ("request.timeout", "请求超时。", "The request timed out."),
            StatusCodes.Status411LengthRequired => ("request.length-required", "请求缺少长度（Content-Length）。", "The request needs a Content-Length."),
            StatusCodes.Status413PayloadTooLarge => ("request.too-large", "请求体过大。", "The request body is too large."),
            StatusCodes.Status414UriTooLong => ("request.uri-too-long", "请求地址过长。", "The request URI is too long."),
            StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", "请求体的内容类型不受支持，应为 application/json。", "The body's content type is not supported; use application/json."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("request.headers-too-large", "请求头过大。", "The request headers are too large."),
            >= 500 => ("server.error", "服务器内部错误，请稍后再试。", "An internal error occurred; please try again later."),
            _ => ("request.rejected", "请求无法处理。", "The request cannot be processed."),
        };
        problem.Type = $"urn:lishui:problem:{code}";
        problem.Title = zh;
        problem.Extensions["code"] = code;
        problem.Extensions["titleEn"] = en;
    }
}
