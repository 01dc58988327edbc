namespace Lishui.Membership.Domain;

/// <summary>
/// 书记 / 副书记 / 委员 / 党群小组长 / 党员 / 驻点领导. Every member on the roll is a <see cref="Member"/>
/// without being assigned.
/// </summary>
public enum MemberRole
{
    Secretary,
    DeputySecretary,
    CommitteeMember,
    GroupLeader,
    Member,

    /// <summary>A town leader stationed (驻点) in a village: held in that village's party committee.</summary>
    StationedLeader,
}

/// <summary>
/// A role a member holds (or held) in an organisation: their own, one above it (a branch member sitting
/// on the village committee), or for a stationed leader the village committee they are stationed in.
/// </summary>
public sealed class RoleAssignment(
    Guid id, MemberId memberId, Guid organisationId, MemberRole role, DateOnly assignedOn, string assignedBy, DateTimeOffset recordedAt) : IMemberRecord
{
    public Guid Id { get; private set; } = id;

    public MemberId MemberId { get; private set; } = memberId;

    public Guid OrganisationId { get; private set; } = organisationId;

    public MemberRole Role { get; private set; } = role;

    public DateOnly AssignedOn { get; private set; } = assignedOn;

    public string AssignedBy { get; private set; } = assignedBy;

    public DateTimeOffset RecordedAt { get; private set; } = recordedAt;

    public DateOnly? RevokedOn { get; private set; }

    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedOn is null;

    internal void End(DateOnly revokedOn, string revokedBy)
    {
        RevokedOn = revokedOn;
        RevokedBy = revokedBy;
    }

    public static string Label(MemberRole role) => role switch
    {
        MemberRole.Secretary => "书记",
        MemberRole.DeputySecretary => "副书记",
        MemberRole.CommitteeMember => "委员",
        MemberRole.GroupLeader => "党群小组长",
        MemberRole.StationedLeader => "驻点领导",
        _ => "党员",
    };
}
