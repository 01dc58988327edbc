namespace Lishui.Shared.Domain;

/// <summary>The root of an aggregate: checks its rules and numbers the changes it publishes.</summary>
public abstract class AggregateRoot
{
    /// <summary>Per-aggregate sequence of published changes; events carry it.</summary>
    public long Version { get; protected set; }

    protected static void CheckRule(IBusinessRule rule) => Rules.Check(rule);

    /// <summary>Called once per change that publishes an event; returns the new sequence number.</summary>
    protected long NextVersion() => ++Version;
}
