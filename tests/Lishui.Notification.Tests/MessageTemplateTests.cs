using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Domain;

namespace Lishui.Notification.Tests;

[Trait("Category", "Unit")]
public sealed class MessageTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_welcome_is_simplified_chinese_and_names_the_member()
    {
        var text = DefaultTemplates.For(TemplateKind.Welcome, "zh-CN", Now).Render(new Dictionary<string, string> { ["name"] = "张三" });

        Assert.Equal("欢迎加入党员名册", text.Title);
        Assert.StartsWith("张三同志", text.Body);
        Assert.Contains("党建星期二", text.Body);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_written_as_it_is_not_expanded()
    {
        var template = MessageTemplate.Write(TemplateKind.Welcome, "zh-CN", 1, "欢迎{{ name }}", "{{name}}同志", "党建办", Now);

        var text = template.Render(new Dictionary<string, string> { ["name"] = "{{name}}{{name}}" });

        Assert.Equal("欢迎{{name}}{{name}}", text.Title);
        Assert.Equal("{{name}}{{name}}同志", text.Body);
    }

    [Fact]
    public void A_template_may_only_use_the_placeholders_its_message_provides()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() =>
            MessageTemplate.Write(TemplateKind.Welcome, "zh-CN", 1, "欢迎", "{{name}}，您的身份证号是{{idNumber}}", "党建办", Now));

        Assert.Equal("template.placeholder-unknown", violation.Rule.Code);
        Assert.Equal("body", violation.Rule.Field);
        Assert.Contains("idNumber", violation.Rule.MessageZh);
    }

    [Fact]
    public void Only_simplified_chinese_and_english_are_offered()
    {
        Assert.Equal("template.locale-unsupported",
            Assert.Throws<BusinessRuleViolation>(() => MessageTemplate.Write(TemplateKind.Welcome, "fr", 1, "Bienvenue", "{{name}}", "x", Now)).Rule.Code);
    }
}
