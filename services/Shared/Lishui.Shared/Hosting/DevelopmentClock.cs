using System.Xml;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Hosting;

/// <summary>
/// The services' clock in Development only: real time moved forward by an offset, so a demo or a
/// manual test can let a publication window or a due date pass without waiting. The offset starts
/// as <c>Dev:ClockOffset</c> (an ISO 8601 duration such as <c>P7D</c>) and <c>POST /dev/clock</c>
/// changes it while the service runs. Timers keep real time; only "now" moves. Token lifetimes are
/// checked against the real clock (see PlatformSecurity), or development tokens would stop working.
/// </summary>
public sealed class DevelopmentClock(TimeSpan offset) : TimeProvider
{
    public const string OffsetSetting = "Dev:ClockOffset";

    /// <summary>The most the clock may be moved, forward or (to record a past year's steps on their dates) back.</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(400);

    private long offsetTicks = offset.Ticks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>An ISO 8601 duration (negative: back) of at most <see cref="MaxOffset"/>, or null.</summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var offset = XmlConvert.ToTimeSpan(text.Trim());
            return offset.Duration() <= MaxOffset ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static string Format(TimeSpan offset) => XmlConvert.ToString(offset);
}

/// <summary>Body of POST /dev/clock.</summary>
public sealed record ClockShiftRequest(string Offset) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (DevelopmentClock.ParseOffset(Offset) is null)
        {
            yield return new FieldError("offset", "dev-clock.offset-invalid",
                $"offset 应为 ISO 8601 时长（如 P7D、PT12H，回拨写 -P30D），前后不超过 {DevelopmentClock.MaxOffset.Days} 天。",
                $"offset must be an ISO 8601 duration (e.g. P7D, PT12H, or -P30D to go back) of at most {DevelopmentClock.MaxOffset.Days} days.");
        }
    }
}

public sealed record ClockResponse(DateTimeOffset Now, DateTimeOffset RealNow, string Offset);

public static class DevelopmentClockExtensions
{
    /// <summary>In Development, the service's <see cref="TimeProvider"/> is a <see cref="DevelopmentClock"/>; elsewhere nothing changes.</summary>
    public static IHostApplicationBuilder AddDevelopmentClock(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var setting = builder.Configuration[DevelopmentClock.OffsetSetting];
        var offset = DevelopmentClock.ParseOffset(setting);
        if (!string.IsNullOrWhiteSpace(setting) && offset is null)
        {
            throw new InvalidOperationException($"{DevelopmentClock.OffsetSetting}={setting} is not an ISO 8601 duration between zero and {DevelopmentClock.MaxOffset.Days} days.");
        }

        var clock = new DevelopmentClock(offset ?? TimeSpan.Zero);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        return builder;
    }

    /// <summary>GET and POST /dev/clock, for town administrators, mapped in Development only (never in Production).</summary>
    public static WebApplication MapDevelopmentClock(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        var rule = AccessRule.Of(Grant.Town);
        app.MapGet("/dev/clock", (DevelopmentClock clock) => TypedResults.Ok(Describe(clock)))
            .WithName("GetDevelopmentClock")
            .WithTags("Development")
            .WithSummary("开发时钟 / The development clock")
            .WithDescription("仅开发环境：服务当前使用的时间与相对真实时间的偏移。 / Development only: the time the service uses and its offset from real time.")
            .Produces<ClockResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAccess(rule);
        app.MapPost("/dev/clock", (ValidatedBody<ClockShiftRequest> body, DevelopmentClock clock, ILoggerFactory logs) =>
            {
                clock.Offset = DevelopmentClock.ParseOffset(body.Value.Offset)!.Value;
                logs.CreateLogger<DevelopmentClock>().LogWarning("Development clock moved: now {Now} (offset {Offset})", clock.GetUtcNow(), DevelopmentClock.Format(clock.Offset));
                return TypedResults.Ok(Describe(clock));
            })
            .WithName("SetDevelopmentClock")
            .WithTags("Development")
            .WithSummary("调整开发时钟 / Move the development clock")
            .WithDescription("仅开发环境：把服务的时钟设为真实时间加上 offset（ISO 8601 时长，如 P7D；PT0S 恢复真实时间）。令牌有效期仍按真实时间校验。 / Development only: the service's clock becomes real time plus offset (an ISO 8601 duration such as P7D; PT0S restores real time). Token lifetimes are still checked against real time.")
            .Accepts<ClockShiftRequest>("application/json")
            .Produces<ClockResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAccess(rule);
        return app;
    }

    private static ClockResponse Describe(DevelopmentClock clock) =>
        new(clock.GetUtcNow(), TimeProvider.System.GetUtcNow(), DevelopmentClock.Format(clock.Offset));
}
