using System.Text;
using System.Text.RegularExpressions;
using Lishui.Shared.Domain;

namespace Lishui.Notification.Domain.Templates;

/// <summary>Which message a template is for, and the placeholders its text may use.</summary>
public sealed record TemplateKind(string Key, IReadOnlySet<string> Placeholders)
{
    public static readonly TemplateKind Welcome = new("welcome", new HashSet<string> { "name" });

    public static readonly IReadOnlyDictionary<string, TemplateKind> All = new[] { Welcome }.ToDictionary(k => k.Key);
}

/// <summary>
/// One version of a message's wording in one language. Placeholders are <c>{{name}}</c>; rendering
/// substitutes values as plain text in a single pass, so a value that itself contains
/// <c>{{...}}</c> is never expanded (no template injection).
/// </summary>
public sealed partial class MessageTemplate
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;

    private MessageTemplate()
    {
        Key = Locale = Title = Body = ChangedBy = string.Empty;
    }

    public string Key { get; private set; }

    /// <summary>zh-CN (default) or en.</summary>
    public string Locale { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static MessageTemplate Write(TemplateKind kind, string locale, int version, string title, string body, string changedBy, DateTimeOffset now)
    {
        Rules.Check(new LocaleMustBeSupportedRule(locale));
        Rules.Check(new TemplateTextMustFitRule("title", title, MaxTitleLength));
        Rules.Check(new TemplateTextMustFitRule("body", body, MaxBodyLength));
        Rules.Check(new PlaceholdersMustBeKnownRule(kind, "title", title));
        Rules.Check(new PlaceholdersMustBeKnownRule(kind, "body", body));
        return new MessageTemplate
        {
            Key = kind.Key,
            Locale = locale,
            Version = version,
            Title = title,
            Body = body,
            ChangedBy = changedBy,
            ChangedAt = now,
        };
    }

    public NotificationText Render(IReadOnlyDictionary<string, string> values) =>
        new(Fill(Title, values), Fill(Body, values));

    internal static IEnumerable<string> PlaceholdersIn(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            result.Append(values.TryGetValue(match.Groups[1].Value, out var value) ? value : string.Empty);
            last = match.Index + match.Length;
        }

        return result.Append(text, last, text.Length - last).ToString();
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

public sealed record LocaleMustBeSupportedRule(string Locale) : IBusinessRule
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    public bool IsBroken() => !Supported.Contains(Locale);

    public string Code => "template.locale-unsupported";

    public string Field => "locale";

    public string MessageZh => "语言只支持 zh-CN 和 en。";

    public string MessageEn => "Only zh-CN and en are supported.";
}

public sealed record TemplateTextMustFitRule(string FieldName, string Text, int MaxLength) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Length > MaxLength;

    public string Code => "template.text-invalid";

    public string Field => FieldName;

    public string MessageZh => $"内容不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The text must be given and at most {MaxLength} characters.";
}

public sealed record PlaceholdersMustBeKnownRule(TemplateKind Kind, string FieldName, string Text) : IBusinessRule
{
    private IReadOnlyList<string> Unknown => MessageTemplate.PlaceholdersIn(Text).Where(p => !Kind.Placeholders.Contains(p)).Distinct().ToList();

    public bool IsBroken() => Unknown.Count > 0;

    public string Code => "template.placeholder-unknown";

    public string Field => FieldName;

    public string MessageZh => $"未知的占位符：{string.Join("、", Unknown)}；可用：{string.Join("、", Kind.Placeholders)}。";

    public string MessageEn => $"Unknown placeholders: {string.Join(", ", Unknown)}; available: {string.Join(", ", Kind.Placeholders)}.";
}
