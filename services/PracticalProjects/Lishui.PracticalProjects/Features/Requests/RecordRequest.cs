using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.Requests;

/// <summary>
/// A request a cadre enters (e.g. from a phone call); a contact given is held here, apart from the request.
/// <c>recordedBy</c> is accepted but ignored: the token's caller is recorded.
/// </summary>
public sealed record RecordRequestRequest(
    Guid OrganisationId, string Subject, string? Location, ProjectDomain? Category, DateOnly? ReceivedOn, string? RecordedBy, Guid? RaisedByHouseholdId,
    string? ContactName, string? ContactPhone);

/// <summary>POST /resident-requests: a cadre records a request; it gets this service's reference number.</summary>
public static class RecordRequest
{
    public static RouteHandlerBuilder MapRecordRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/resident-requests", HandleAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.OrganisationInBody)
            .WithName("RecordResidentRequest")
            .WithSummary("登记群众诉求 / Record a resident request")
            .Accepts<RecordRequestRequest>("application/json")
            .Produces<RequestResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Created<RequestResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(ValidatedBody<RecordRequestRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        await db.EnsureKnownAsync(r.OrganisationId, "organisationId", "诉求所属组织", "organisation the request is addressed to", http.RequestAborted);
        var recordedBy = Caller.From(http.User).Name;
        return await RequestIntake.RecordOnceAsync(db, http, "resident-requests.record", r, time, (reference, now, _) =>
        {
            var id = new ResidentRequestId(Guid.CreateVersion7(now));
            var contact = RequesterContact.Create(Guid.CreateVersion7(now), r.ContactName, r.ContactPhone, id.Value, null, now);
            var request = ResidentRequest.Record(
                id, reference, RequestOrigin.Cadre, r.OrganisationId, r.RaisedByHouseholdId, r.Subject, r.Location ?? string.Empty,
                r.Category ?? ProjectDomain.Other, r.ReceivedOn ?? time.Today(), time.Today(), contact is not null, null, recordedBy, now);
            if (contact is not null)
            {
                db.RequesterContacts.Add(contact);
            }

            return Task.FromResult(request);
        });
    }
}
