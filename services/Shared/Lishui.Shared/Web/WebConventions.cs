using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Lishui.Shared.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Web;

public static class WebConventions
{
    /// <summary>Problem details for every error, enums as strings, an OpenAPI document, request size limits.</summary>
    public static IHostApplicationBuilder AddPlatformWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            FrameworkProblems.Describe(ctx.ProblemDetails);
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(ApiDocumentation.Configure);
        // The server reads past the platform's limit so a refused body can be drained and its 413 reach
        // the client: a server that stops reading mid-upload resets the connection, and the answer is lost.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = DrainableBodyBytes);
        builder.Services.TryAddSingleton(sp => Domain.WorkingDayCalendar.Official(year => sp.GetRequiredService<ILoggerFactory>()
            .CreateLogger<Domain.WorkingDayCalendar>()
            .LogWarning("The working-day calendar has no data for {Year}: only weekends are skipped there. Add the year to working-days.json.", year)));
        builder.AddDevelopmentClock();
        return builder;
    }

    /// <summary>The largest request body any endpoint takes.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Up to this much of a refused body is read and dropped, so the client gets its answer.</summary>
    public const long DrainableBodyBytes = 8 * MaxRequestBodyBytes;

    /// <summary>
    /// Headers beyond this are refused as a 431 problem here; the server's own limit (32 KB) lies above
    /// it, and what it refuses gets a bare status without a problem body.
    /// </summary>
    public const int MaxRequestHeaderChars = 16 * 1024;

    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(ReadWholeRequestAsync);
        Security.AccessEndpointExtensions.RequireAccess(app.MapOpenApi(), Security.AccessRule.Of(Security.Grant.Public)); // the API's description is public, like its contracts
        app.MapApiReference();
        app.MapDevelopmentClock();
        return app;
    }

    /// <summary>
    /// Refuses oversized headers and bodies as problems, then reads the whole body before anything
    /// answers: a body cut short is a 400 the client still receives, and a request nobody reads
    /// (an unknown route) no longer leaves unread bytes that make the server drop the connection.
    /// </summary>
    private static async Task ReadWholeRequestAsync(HttpContext http, RequestDelegate next)
    {
        var total = 0;
        var (largest, largestSize) = ("", 0);
        foreach (var (name, values) in http.Request.Headers)
        {
            var size = name.Length + values.Sum(v => v?.Length ?? 0);
            total += size;
            (largest, largestSize) = size > largestSize ? (name, size) : (largest, largestSize);
        }

        if (total > MaxRequestHeaderChars)
        {
            throw new RequestValidationException(
                [new FieldError(largest, "header.too-large", $"请求头过大（合计不能超过 {MaxRequestHeaderChars / 1024} KB）。", $"The request headers are too large (at most {MaxRequestHeaderChars / 1024} KB in all).")],
                StatusCodes.Status431RequestHeaderFieldsTooLarge);
        }

        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            if (http.Request.ContentLength > MaxRequestBodyBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            // A body without a length (chunked) stops at the limit; the server refuses the rest.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            http.Request.EnableBuffering();
            await Microsoft.AspNetCore.WebUtilities.StreamHelperExtensions.DrainAsync(http.Request.Body, http.RequestAborted);
            http.Request.Body.Position = 0;
        }

        await next(http);
    }
}
