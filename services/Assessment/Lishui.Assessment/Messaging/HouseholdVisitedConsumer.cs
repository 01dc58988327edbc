using Lishui.Assessment.Data;
using Lishui.Contracts.PracticalProjects;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// A household visit during an opinion collection (PracticalProjects) scores the visiting member. Only
/// the first visit of a household in a collection scores: an amended position is the same household
/// visited again, not more residents reached.
/// </summary>
public sealed class HouseholdVisitedConsumer(AssessmentDbContext db, TimeProvider time) : PointsFromEventConsumer<HouseholdVisited>(db, time)
{
    protected override IEnumerable<ScoredMember> MembersOf(HouseholdVisited message) =>
        message.Revision == 1 ? [new ScoredMember(message.VisitedBy, message.VisitedOn)] : [];
}
