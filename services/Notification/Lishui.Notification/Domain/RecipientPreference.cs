using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Domain;

namespace Lishui.Notification.Domain;

/// <summary>
/// How a person wants to be addressed: Simplified Chinese unless they chose English; the inbox
/// always, plus the channels they chose (e-mail by default); quiet hours 22:00–07:00 by default.
/// </summary>
public sealed class RecipientPreference
{
    public const string DefaultLocale = "zh-CN";

    public static readonly IReadOnlyList<DeliveryChannel> DefaultChannels = [DeliveryChannel.Email];

    private RecipientPreference()
    {
        Locale = DefaultLocale;
        Channels = [.. DefaultChannels];
    }

    public Guid MemberId { get; private set; }

    public string Locale { get; private set; }

    /// <summary>Channels besides the inbox.</summary>
    public List<DeliveryChannel> Channels { get; private set; }

    public TimeOnly QuietHoursStart { get; private set; } = QuietHours.Default.Start;

    /// <summary>The same as the start means no quiet hours.</summary>
    public TimeOnly QuietHoursEnd { get; private set; } = QuietHours.Default.End;

    public DateTimeOffset UpdatedAt { get; private set; }

    public QuietHours QuietHours => new(QuietHoursStart, QuietHoursEnd);

    public static RecipientPreference For(Guid memberId) => new() { MemberId = memberId };

    public void Change(string locale, DateTimeOffset now)
    {
        Rules.Check(new LocaleMustBeSupportedRule(locale));
        Locale = locale;
        UpdatedAt = now;
    }

    public void ChooseChannels(IEnumerable<DeliveryChannel> channels, DateTimeOffset now)
    {
        Channels = channels.Where(c => c != DeliveryChannel.Inbox).Distinct().Order().ToList();
        UpdatedAt = now;
    }

    public void SetQuietHours(QuietHours hours, DateTimeOffset now)
    {
        QuietHoursStart = hours.Start;
        QuietHoursEnd = hours.End;
        UpdatedAt = now;
    }
}
