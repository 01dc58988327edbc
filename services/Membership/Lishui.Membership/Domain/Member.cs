using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public readonly record struct MemberId(Guid Value);

public enum Gender
{
    Female,
    Male,
}

/// <summary>Where a member stands on the roll. Later stages (transfer, withdrawal, removal) come with the roll's lifecycle.</summary>
public enum MemberStatus
{
    Probationary,
    Full,
}

/// <summary>A party member on the roll (党员名册) of one organisation.</summary>
public sealed class Member : AggregateRoot
{
    private Member()
    {
        Name = string.Empty;
    }

    public MemberId Id { get; private set; }

    public string Name { get; private set; }

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? FullMemberOn { get; private set; }

    public Guid OrganisationId { get; private set; }

    public MemberStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Member Register(
        MemberId id, string name, Gender gender, DateOnly birthDate, DateOnly joinedOn, DateOnly? fullMemberOn,
        Guid organisationId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        CheckRule(new MemberNameMustBeGivenRule(name));
        CheckRule(new DateCannotBeInTheFutureRule("birthDate", "出生日期", "birth date", birthDate, today));
        CheckRule(new DateCannotBeInTheFutureRule("joinedOn", "入党日期", "joining date", joinedOn, today));
        CheckRule(new MemberMustBeAdultWhenJoiningRule(birthDate, joinedOn));
        if (fullMemberOn is { } full)
        {
            CheckRule(new FullMembershipCannotPrecedeJoiningRule(joinedOn, full));
            CheckRule(new DateCannotBeInTheFutureRule("fullMemberOn", "转正日期", "full-membership date", full, today));
        }

        var member = new Member
        {
            Id = id,
            Name = name.Trim(),
            Gender = gender,
            BirthDate = birthDate,
            JoinedOn = joinedOn,
            FullMemberOn = fullMemberOn,
            OrganisationId = organisationId,
            Status = fullMemberOn is null ? MemberStatus.Probationary : MemberStatus.Full,
            RegisteredAt = now,
        };
        member.NextVersion();
        return member;
    }
}
