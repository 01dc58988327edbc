using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Preferences;

/// <summary>Quiet hours in the town's time, "HH:mm"; the same start and end means none.</summary>
public sealed record QuietHoursDto(string Start, string End);

/// <summary>What to change; a field left out stays as it is.</summary>
public sealed record PreferenceRequest(string? Locale, IReadOnlyList<string>? Channels, QuietHoursDto? QuietHours) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        foreach (var channel in Channels ?? [])
        {
            if (!Enum.TryParse<DeliveryChannel>(channel, ignoreCase: false, out _))
            {
                yield return new FieldError("channels", "preference.channel-unknown", $"未知的渠道：{channel}；可选 Email、Sms、InstantMessage。", $"Unknown channel {channel}; choose from Email, Sms, InstantMessage.");
            }
        }

        if (QuietHours is not null && (!TryTime(QuietHours.Start, out _) || !TryTime(QuietHours.End, out _)))
        {
            yield return new FieldError("quietHours", "preference.quiet-hours-invalid", "免打扰时段须为 HH:mm 格式。", "Quiet hours must be given as HH:mm.");
        }
    }

    internal static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}

public sealed record PreferenceResponse(Guid MemberId, string Locale, IReadOnlyList<DeliveryChannel> Channels, QuietHoursDto QuietHours)
{
    public static PreferenceResponse From(Guid memberId, RecipientPreference? p) =>
        new(memberId, p?.Locale ?? RecipientPreference.DefaultLocale,
            [DeliveryChannel.Inbox, .. p?.Channels ?? RecipientPreference.DefaultChannels],
            Dto(p?.QuietHours ?? Domain.Delivery.QuietHours.Default));

    private static QuietHoursDto Dto(QuietHours q) => new(q.Start.ToString("HH:mm"), q.End.ToString("HH:mm"));
}

/// <summary>A person's language, channels (the inbox always) and quiet hours.</summary>
public static class Preferences
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members/{memberId:guid}/preferences", GetAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithName("GetPreferences").WithSummary("消息偏好 / Message preferences");
        api.MapPut("/members/{memberId:guid}/preferences", PutAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithName("SetPreferences").WithSummary("设置消息偏好 / Set preferences")
            .Accepts<PreferenceRequest>("application/json");
        return api;
    }

    private static async Task<PreferenceResponse> GetAsync(Guid memberId, NotificationDbContext db, CancellationToken ct) =>
        PreferenceResponse.From(memberId, await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, ct));

    private static async Task<PreferenceResponse> PutAsync(
        Guid memberId, ValidatedBody<PreferenceRequest> body, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var request = body.Value;
        var preference = await db.Preferences.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        if (preference is null)
        {
            preference = RecipientPreference.For(memberId);
            db.Preferences.Add(preference);
        }

        var now = time.GetUtcNow();
        if (request.Locale is not null)
        {
            preference.Change(request.Locale, now);
        }

        if (request.Channels is not null)
        {
            preference.ChooseChannels(request.Channels.Select(Enum.Parse<DeliveryChannel>), now);
        }

        if (request.QuietHours is { } quiet && PreferenceRequest.TryTime(quiet.Start, out var start) && PreferenceRequest.TryTime(quiet.End, out var end))
        {
            preference.SetQuietHours(new QuietHours(start, end), now);
        }

        await db.SaveChangesAsync(ct);
        return PreferenceResponse.From(memberId, preference);
    }
}
