using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.EchoWall;

public sealed record PostTextRule(string Text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > EchoPost.MaxTextLength;

    public string Code => string.IsNullOrWhiteSpace(Text) ? "echo.text-empty" : "echo.text-too-long";

    public string Field => "text";

    public string MessageZh => string.IsNullOrWhiteSpace(Text) ? "留言内容不能为空。" : $"留言不能超过 {EchoPost.MaxTextLength} 个字符。";

    public string MessageEn => string.IsNullOrWhiteSpace(Text) ? "The post cannot be empty." : $"The post must be at most {EchoPost.MaxTextLength} characters.";
}

public sealed record DisplayNameLengthRule(string? DisplayName) : IBusinessRule
{
    public bool IsBroken() => DisplayName is not null && DisplayName.Trim().Length > EchoPost.MaxDisplayNameLength;

    public string Code => "echo.display-name-too-long";

    public string Field => "displayName";

    public string MessageZh => $"署名不超过 {EchoPost.MaxDisplayNameLength} 个字符。";

    public string MessageEn => $"The display name must be at most {EchoPost.MaxDisplayNameLength} characters.";
}

public sealed record AnswerTextRule(string Text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > EchoPost.MaxAnswerLength;

    public string Code => "echo.answer-invalid";

    public string Field => "text";

    public string MessageZh => $"答复内容不能为空，且不超过 {EchoPost.MaxAnswerLength} 个字符。";

    public string MessageEn => $"The answer must be given and at most {EchoPost.MaxAnswerLength} characters.";
}

public sealed record HideReasonRule(string Reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > 500;

    public string Code => "echo.reason-required";

    public string Field => "reason";

    public string MessageZh => "隐藏或恢复留言须说明原因（不超过 500 个字符）。";

    public string MessageEn => "Hiding or restoring a post needs a reason (at most 500 characters).";
}

public sealed record ModeratorMustBeNamedRule(string Name, string NameField) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100;

    public string Code => "echo.actor-required";

    public string Field => NameField;

    public string MessageZh => "须注明处理人（不超过 100 个字符）。";

    public string MessageEn => "Who acted must be given (at most 100 characters).";
}

public sealed record PostMustBeVisibleRule(bool Hidden) : IBusinessRule
{
    public bool IsBroken() => Hidden;

    public string Code => "echo.already-hidden";

    public string MessageZh => "该留言已隐藏。";

    public string MessageEn => "The post is already hidden.";
}

public sealed record PostMustBeHiddenRule(bool Hidden) : IBusinessRule
{
    public bool IsBroken() => !Hidden;

    public string Code => "echo.not-hidden";

    public string MessageZh => "该留言未被隐藏。";

    public string MessageEn => "The post is not hidden.";
}
