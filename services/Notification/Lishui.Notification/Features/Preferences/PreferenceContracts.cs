using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Web;

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
