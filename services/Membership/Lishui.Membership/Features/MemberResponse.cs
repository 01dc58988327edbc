using Lishui.Membership.Domain;

namespace Lishui.Membership.Features;

public sealed record MemberResponse(
    Guid Id, string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn,
    Guid OrganisationId, MemberStatus Status, long Version)
{
    public static MemberResponse From(Member m) =>
        new(m.Id.Value, m.Name, m.Gender, m.BirthDate, m.JoinedOn, m.FullMemberOn, m.OrganisationId, m.Status, m.Version);
}
