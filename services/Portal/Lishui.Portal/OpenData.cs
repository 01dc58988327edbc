using Lishui.Portal.Clients;

namespace Lishui.Portal;

/// <summary>
/// The services' open-data files under the portal's own address: residents and journalists reach only
/// the portal, and the files stay exactly what the owning service publishes.
/// </summary>
public static class OpenData
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/open-data/projects.{format:regex(^(csv|json)$)}", (string format, ProjectsApi projects, HttpContext http) =>
            PassOnAsync(projects.OpenDataAsync($"/public/projects/export.{format}{http.Request.QueryString}", http.RequestAborted), http));
        app.MapGet("/open-data/notices/{id:guid}/results.{format:regex(^(csv|json)$)}", (Guid id, string format, AssessmentApi assessment, HttpContext http) =>
            PassOnAsync(assessment.OpenDataAsync($"/notices/{id}/results.{format}", http.RequestAborted), http));
        return app;
    }

    private static async Task PassOnAsync(Task<HttpResponseMessage> call, HttpContext http)
    {
        using var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            http.Response.StatusCode = response.StatusCode == System.Net.HttpStatusCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status502BadGateway;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(http.Response.StatusCode == 404 ? "未找到该数据。" : "数据暂时无法下载，请稍后再试。", http.RequestAborted);
            return;
        }

        http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        if (response.Content.Headers.ContentDisposition is { } disposition)
        {
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
