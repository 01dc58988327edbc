using Lishui.Assessment.Data;
using Lishui.Contracts.Pairing;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// A logged contact between paired members (Pairing) scores both of them, each in the schemes covering
/// their own organisation (the organ member's branch, the village member's committee).
/// </summary>
public sealed class ContactLoggedConsumer(AssessmentDbContext db, TimeProvider time) : PointsFromEventConsumer<ContactLogged>(db, time)
{
    protected override IEnumerable<ScoredMember> MembersOf(ContactLogged message) =>
        [new ScoredMember(message.OrganMemberId, message.ContactedOn), new ScoredMember(message.VillageMemberId, message.ContactedOn)];
}
