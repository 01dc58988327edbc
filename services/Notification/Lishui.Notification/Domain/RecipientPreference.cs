using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Domain;

namespace Lishui.Notification.Domain;

/// <summary>How a person wants to be addressed. Simplified Chinese unless they chose English.</summary>
public sealed class RecipientPreference
{
    public const string DefaultLocale = "zh-CN";

    private RecipientPreference()
    {
        Locale = DefaultLocale;
    }

    public Guid MemberId { get; private set; }

    public string Locale { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RecipientPreference For(Guid memberId) => new() { MemberId = memberId };

    public void Change(string locale, DateTimeOffset now)
    {
        Rules.Check(new LocaleMustBeSupportedRule(locale));
        Locale = locale;
        UpdatedAt = now;
    }
}
