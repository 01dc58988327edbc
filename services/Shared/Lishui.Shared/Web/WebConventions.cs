using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Shared.Web;

public static class WebConventions
{
    /// <summary>Problem details for every error, enums as strings, an OpenAPI document, request size limits.</summary>
    public static IHostApplicationBuilder AddPlatformWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddOperationTransformer(Security.AccessDocumentation.Describe));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        Security.AccessEndpointExtensions.RequireAccess(app.MapOpenApi(), Security.AccessRule.Of(Security.Grant.Public)); // the API's description is public, like its contracts
        return app;
    }
}
