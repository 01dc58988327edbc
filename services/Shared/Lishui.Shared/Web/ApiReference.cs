using Lishui.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Lishui.Shared.Web;

public static class ApiReference
{
    /// <summary>
    /// The API reference (Scalar) at <c>/scalar/v1</c>, in Development only, public like the document it
    /// shows. Its scripts are served from the package; fonts, telemetry and the AI helpers would reach
    /// outside the town's network, so they are off.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(o => o
                    .WithTitle($"{app.Environment.ApplicationName} · 里水镇智慧党建平台 API")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp())
                .RequireAccess(AccessRule.Of(Grant.Public));
        }

        return app;
    }
}
