using System.Text;
using System.Text.RegularExpressions;
using Lishui.Shared.Domain;

namespace Lishui.Notification.Domain.Templates;

/// <summary>Which message a template is for, and the placeholders its text may use.</summary>
public sealed record TemplateKind(string Key, IReadOnlySet<string> Placeholders)
{
    public static readonly TemplateKind Welcome = new("welcome", new HashSet<string> { "name" });

    public static readonly TemplateKind StudySessionReminder = new("study-session-reminder", new HashSet<string> { "name", "startsAt", "place", "topic" });

    public static readonly TemplateKind StationingVisitReminder = new("stationing-visit-reminder", new HashSet<string> { "name", "startsAt", "place" });

    public static readonly TemplateKind ContactOverdue = new("contact-overdue", new HashSet<string> { "name", "partner", "dueOn" });

    public static readonly TemplateKind ContactOverdueSecretary = new("contact-overdue-secretary", new HashSet<string> { "name", "organMember", "villageMember", "dueOn" });

    public static readonly TemplateKind AssessmentNoticePublished = new("assessment-notice-published", new HashSet<string> { "name", "year", "opensOn", "closesOn" });

    public static readonly TemplateKind ObjectionFiled = new("objection-filed", new HashSet<string> { "name", "member", "answerBy", "objectionId", "text" });

    public static readonly TemplateKind OrganisationalTalkRequired = new("organisational-talk-required", new HashSet<string> { "name", "year", "dueOn" });

    public static readonly TemplateKind OrganisationalTalkRequiredSecretary = new("organisational-talk-required-secretary", new HashSet<string> { "name", "member", "year", "dueOn" });

    public static readonly TemplateKind WithdrawalAdviceCaseOpened = new("withdrawal-advice-case-opened", new HashSet<string> { "name", "member", "years", "openedOn" });

    public static readonly TemplateKind ResidentRequestAnswered = new("resident-request-answered", new HashSet<string> { "referenceNumber", "reply" });

    public static readonly TemplateKind ResidentRequestTurnedIntoProject = new("resident-request-turned-into-project", new HashSet<string> { "referenceNumber", "projectTitle" });

    public static readonly TemplateKind ProjectOverdue = new("project-overdue", new HashSet<string> { "name", "title", "plannedEnd", "period" });

    public static readonly TemplateKind MemberCommended = new("member-commended", new HashSet<string> { "name", "year" });

    public static readonly TemplateKind OrganisationalTalkOverdue = new("organisational-talk-overdue", new HashSet<string> { "name", "member", "year", "dueOn" });

    public static readonly TemplateKind ResidentRequestReopened = new("resident-request-reopened", new HashSet<string> { "name", "referenceNumber", "reason", "reopenedOn" });

    public static readonly TemplateKind Digest = new("digest", new HashSet<string> { "name", "count", "items" });

    private static readonly Dictionary<NotificationKind, TemplateKind> ByKind = new()
    {
        [NotificationKind.Welcome] = Welcome,
        [NotificationKind.StudySessionReminder] = StudySessionReminder,
        [NotificationKind.StationingVisitReminder] = StationingVisitReminder,
        [NotificationKind.ContactOverdue] = ContactOverdue,
        [NotificationKind.ContactOverdueSecretary] = ContactOverdueSecretary,
        [NotificationKind.AssessmentNoticePublished] = AssessmentNoticePublished,
        [NotificationKind.ObjectionFiled] = ObjectionFiled,
        [NotificationKind.OrganisationalTalkRequired] = OrganisationalTalkRequired,
        [NotificationKind.OrganisationalTalkRequiredSecretary] = OrganisationalTalkRequiredSecretary,
        [NotificationKind.WithdrawalAdviceCaseOpened] = WithdrawalAdviceCaseOpened,
        [NotificationKind.ResidentRequestAnswered] = ResidentRequestAnswered,
        [NotificationKind.ResidentRequestTurnedIntoProject] = ResidentRequestTurnedIntoProject,
        [NotificationKind.ProjectOverdue] = ProjectOverdue,
        [NotificationKind.MemberCommended] = MemberCommended,
        [NotificationKind.OrganisationalTalkOverdue] = OrganisationalTalkOverdue,
        [NotificationKind.ResidentRequestReopened] = ResidentRequestReopened,
        [NotificationKind.Digest] = Digest,
    };

    public static readonly IReadOnlyDictionary<string, TemplateKind> All = ByKind.Values.ToDictionary(k => k.Key);

    public static TemplateKind For(NotificationKind kind) => ByKind[kind];
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

    /// <summary>Renders only when every placeholder the wording uses has a value; a gap is a render failure, never a blank.</summary>
    public NotificationText RenderComplete(IReadOnlyDictionary<string, string> values)
    {
        var missing = PlaceholdersIn(Title).Concat(PlaceholdersIn(Body)).Where(p => !values.ContainsKey(p)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new TemplateRenderException($"Template {Key}/{Locale} v{Version}: no value for {string.Join(", ", missing)}.");
        }

        return Render(values);
    }

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

public sealed class TemplateRenderException(string message) : Exception(message);

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
