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

public abstract class AggregateRoot
{
    /// <summary>Per-aggregate sequence of published changes; events carry it.</summary>
    public long Version { get; protected set; }

    protected static void CheckRule(IBusinessRule rule) => Rules.Check(rule);

    /// <summary>Called once per change that publishes an event; returns the new sequence number.</summary>
    protected long NextVersion() => ++Version;
}
