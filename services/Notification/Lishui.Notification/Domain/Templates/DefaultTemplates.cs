namespace Lishui.Notification.Domain.Templates;

/// <summary>The wording used until someone edits a template over the API (version 0).</summary>
public static class DefaultTemplates
{
    public static MessageTemplate For(TemplateKind kind, string locale, DateTimeOffset now) => (kind.Key, locale) switch
    {
        ("welcome", "en") => MessageTemplate.Write(kind, locale, 0,
            "Welcome to the member roll",
            "Dear comrade {{name}}: you are now on the Lishui Town member roll. Every Tuesday is Party Building Tuesday: please join the First Agenda study.",
            "system", now),
        ("welcome", _) => MessageTemplate.Write(kind, locale, 0,
            "欢迎加入党员名册",
            "{{name}}同志：您好！您已登记在沥水镇党员名册中。每周二是“党建星期二”，请按时参加第一议题学习。",
            "system", now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind.Key, "No default wording."),
    };
}
