using Lishui.Portal.Clients;
using Lishui.Portal.SignIn;

namespace Lishui.Portal;

/// <summary>
/// The roll's CSV download under the portal's address: Membership's masked export, asked with the
/// signed-in person's token (the service decides whose roll they may export) and passed through unread.
/// </summary>
public static class RollExport
{
    public static IEndpointRouteBuilder MapRollExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/roll/export.csv", ExportAsync).RequireAuthorization(PortalAreas.SecretaryPolicy);
        return app;
    }

    private static async Task ExportAsync(
        Guid? organisationId, string? name, string? status, string? cohort, int? joinedYear, MyMembershipApi membership, HttpContext http)
    {
        if ((organisationId ?? Me.OrganisationId(http.User)) is not { } organisation)
        {
            await TextAsync(http, StatusCodes.Status400BadRequest, "请先在党员名册中选择要导出的组织。");
            return;
        }

        HttpResponseMessage response;
        try
        {
            response = await membership.ExportAsync(new RollQuery(organisation, name, status, cohort, joinedYear, 1), http.RequestAborted);
        }
        catch (HttpRequestException)
        {
            await TextAsync(http, StatusCodes.Status503ServiceUnavailable, "党员名册暂时无法导出，请稍后再试。");
            return;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var refused = response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized;
                await TextAsync(http, refused ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
                    refused ? "您无权导出该组织的党员名册。书记只能导出本组织及下级组织的党员。" : "导出条件有误，请回到党员名册重新筛选后再导出。");
                return;
            }

            http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "text/csv; charset=utf-8";
            if (response.Content.Headers.ContentDisposition is { } disposition)
            {
                http.Response.Headers.ContentDisposition = disposition.ToString();
            }

            // Personal data, even masked: no shared cache keeps it.
            http.Response.Headers.CacheControl = "no-store";
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static Task TextAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message, http.RequestAborted);
    }
}
