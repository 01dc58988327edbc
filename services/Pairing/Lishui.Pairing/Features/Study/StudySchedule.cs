using Lishui.Pairing.Data;
using Lishui.Pairing.Features.OrganisationPairings;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Study;

public sealed record StudyScheduleRequest(TimeOnly Time, string Place) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > 200)
        {
            yield return new FieldError("place", "study.place-invalid", "学习地点不能为空，且不超过 200 个字符。", "The place must be given and at most 200 characters.");
        }
    }
}

/// <summary>PUT /organisation-pairings/{id}/study-schedule: the group's weekly Tuesday study time and place.</summary>
public static class StudySchedule
{
    public static RouteHandlerBuilder MapStudySchedule(this IEndpointRouteBuilder api) =>
        api.MapPut("/organisation-pairings/{id:guid}/study-schedule", HandleAsync)
            .WithName("SetStudySchedule").WithSummary("设置党建星期二学习时间地点 / Set the Tuesday study time and place")
            .Accepts<StudyScheduleRequest>("application/json");

    private static async Task<Results<Ok<OrganisationPairingResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<StudyScheduleRequest> body, PairingDbContext db, CancellationToken ct)
    {
        if (await db.OrganisationPairings.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        pairing.ScheduleStudy(body.Value.Time, body.Value.Place);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationPairingResponse.From(pairing));
    }
}
