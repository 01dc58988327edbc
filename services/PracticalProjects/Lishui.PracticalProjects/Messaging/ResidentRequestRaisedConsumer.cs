using Lishui.Contracts.Pairing;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Features.Requests;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Messaging;

/// <summary>
/// A request raised at a stationing visit becomes a request tracked here, under Pairing's reference
/// number. Pairing keeps the requester's contact; the name is not copied.
/// </summary>
public sealed class ResidentRequestRaisedConsumer(ProjectsDbContext db, TimeProvider time) : IdempotentConsumer<ResidentRequestRaised, ProjectsDbContext>(db)
{
    protected override async Task HandleAsync(ResidentRequestRaised message, CancellationToken ct)
    {
        // The inbox stops a redelivery; this stops the same request re-sent as a new event.
        if (await Db.ResidentRequests.AnyAsync(r => r.PairingRequestId == message.RequestId, ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        var request = ResidentRequest.FromStationingVisit(
            new ResidentRequestId(Guid.CreateVersion7(now)), message.RequestId, message.ReferenceNumber, message.StationingVisitId, message.VillageCommitteeId,
            message.RaisedByHouseholdId, message.Subject, message.Location, Enum.TryParse<ProjectDomain>(message.Category, out var category) ? category : ProjectDomain.Other,
            message.RaisedOn, message.ContactHeld, now);
        Db.ResidentRequests.Add(request);
    }
}
