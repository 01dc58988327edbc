namespace Lishui.Shared.Domain;

/// <summary>A named domain rule an aggregate checks before it changes (plain C#, no framework).</summary>
public interface IBusinessRule
{
    bool IsBroken();

    /// <summary>Stable code clients can rely on, e.g. <c>member.too-young</c>.</summary>
    string Code { get; }

    /// <summary>The field the rule is about, when there is one (for per-field validation errors).</summary>
    string? Field => null;

    string MessageZh { get; }

    string MessageEn { get; }
}

public sealed class BusinessRuleViolation(IBusinessRule rule) : Exception(rule.MessageEn)
{
    public IBusinessRule Rule { get; } = rule;
}

public static class Rules
{
    /// <summary>Throws <see cref="BusinessRuleViolation"/> when the rule is broken.</summary>
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolation(rule);
        }
    }
}
