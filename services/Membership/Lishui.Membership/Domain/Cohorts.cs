using Lishui.Contracts.Membership;

namespace Lishui.Membership.Domain;

/// <summary>新星燎原 / 银星闪耀: programmes a member falls into by dates, never by hand.</summary>
public enum Cohort
{
    NewStar,
    SilverStar,
}

/// <summary>The thresholds (configuration section <c>Membership:Cohorts</c>).</summary>
public sealed class CohortOptions
{
    public const string Section = "Membership:Cohorts";

    /// <summary>New Star: joined the party within this many years.</summary>
    public int NewStarYears { get; set; } = 3;

    /// <summary>Silver Star: at least this old ...</summary>
    public int SilverStarAge { get; set; } = 60;

    /// <summary>... or a party standing (党龄, counted from full membership) of at least this many years.</summary>
    public int SilverStarStandingYears { get; set; } = 30;

    /// <summary>Joined on or after this date = New Star.</summary>
    public DateOnly NewStarJoinedFrom(DateOnly today) => today.AddYears(-NewStarYears);

    /// <summary>Born on or before this date = old enough for Silver Star.</summary>
    public DateOnly SilverStarBornBy(DateOnly today) => today.AddYears(-SilverStarAge);

    /// <summary>Full member on or before this date = long enough standing for Silver Star.</summary>
    public DateOnly SilverStarFullBy(DateOnly today) => today.AddYears(-SilverStarStandingYears);

    /// <summary>Only active members (probationary or full) take part in the programmes.</summary>
    public IReadOnlyList<Cohort> Of(Member member, DateOnly today)
    {
        if (member.Status is not (MemberStatus.Probationary or MemberStatus.Full))
        {
            return [];
        }

        var cohorts = new List<Cohort>(2);
        if (member.JoinedOn >= NewStarJoinedFrom(today))
        {
            cohorts.Add(Cohort.NewStar);
        }

        if (member.BirthDate <= SilverStarBornBy(today) || member.FullMemberOn <= SilverStarFullBy(today))
        {
            cohorts.Add(Cohort.SilverStar);
        }

        return cohorts;
    }
}
