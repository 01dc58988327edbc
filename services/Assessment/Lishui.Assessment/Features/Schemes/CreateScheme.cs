using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Schemes;

/// <summary>
/// Without gradeThresholds the defaults apply: Excellent ≥ 90, Qualified ≥ 70, Basically qualified ≥ 60.
/// The topic follows from a Member (MemberPoints) or Household (FiveGoodHousehold) subject type; a
/// cooperative or village scheme names SafetyProduction or EnvironmentalRemediation.
/// </summary>
public sealed record CreateSchemeRequest(
    Guid OrganisationId,
    int Year,
    SubjectType SubjectType,
    decimal Total,
    IReadOnlyList<Dimension> Dimensions,
    GradeThresholds? GradeThresholds,
    decimal? ExcellentShareCap,
    IReadOnlyList<PointsRule>? Rules,
    SchemeTopic? Topic = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new FieldError("organisationId", "field.required", "请指定党组织。", "The organisation is required.");
        }

        foreach (var error in PointsRuleChecks.Check(Rules))
        {
            yield return error;
        }
    }

    public SchemeContent Content() =>
        new(Total, Dimensions, GradeThresholds ?? Domain.GradeThresholds.Default, ExcellentShareCap, Rules ?? []);
}

/// <summary>POST /schemes: a scheme for one organisation, year, subject type and topic (one such scheme each).</summary>
public static class CreateScheme
{
    public static RouteHandlerBuilder MapCreateScheme(this IEndpointRouteBuilder api) =>
        // Schemes: a secretary sets one up for their own organisation (or one below it) and runs it.
        api.MapPost("/schemes", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.OrganisationInBody)
            .WithName("CreateScheme")
            .WithSummary("制定考核方案 / Create an assessment scheme")
            .Accepts<CreateSchemeRequest>("application/json")
            .Produces<SchemeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<SchemeResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        ValidatedBody<CreateSchemeRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        return await db.CreateOnceAsync(http, "schemes.create", request, async ct =>
        {
            var topic = request.Topic ?? SchemeTopics.DefaultFor(request.SubjectType);
            if (await db.Schemes.AnyAsync(s => s.OrganisationId == request.OrganisationId && s.Year == request.Year && s.SubjectType == request.SubjectType && s.Topic == topic, ct))
            {
                throw new RequestValidationException([new FieldError("year", "scheme.exists",
                    "该党组织本年度已有同类考核方案，请修订而非新建。", "This organisation already has a scheme of this subject type for the year; revise it instead.")]);
            }

            var now = time.GetUtcNow();
            var scheme = Scheme.Create(Guid.CreateVersion7(now), request.OrganisationId, request.Year, request.SubjectType, request.Content(), now, topic);
            db.Schemes.Add(scheme);
            db.SchemeVersions.Add(SchemeVersion.Of(scheme, null, null, now));
            return (SchemeResponse.From(scheme), $"/schemes/{scheme.Id}");
        }, time);
    }
}
