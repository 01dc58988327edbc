namespace Lishui.Membership.Domain.OrganisationalTalks;

/// <summary>Settings of organisational talks (section <c>Membership:OrganisationalTalks</c>).</summary>
public sealed class OrganisationalTalkOptions
{
    public const string Section = "Membership:OrganisationalTalks";

    /// <summary>
    /// Days from opening to the due date; when not set, the due date Assessment gave (and told the member)
    /// is kept. The town sets it when its own rule differs.
    /// </summary>
    public int? DueWithinDays { get; set; }

    /// <summary>How often the overdue check runs; daily is what the town needs, tests and operators may shorten it.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromDays(1);

    public bool OverdueCheckEnabled { get; set; } = true;
}
