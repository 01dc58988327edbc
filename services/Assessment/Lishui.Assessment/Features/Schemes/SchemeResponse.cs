using Lishui.Assessment.Domain;

namespace Lishui.Assessment.Features.Schemes;

public sealed record SchemeResponse(
    Guid Id,
    Guid OrganisationId,
    int Year,
    SubjectType SubjectType,
    SchemeTopic Topic,
    decimal Total,
    IReadOnlyList<Dimension> Dimensions,
    GradeThresholds GradeThresholds,
    decimal? ExcellentShareCap,
    IReadOnlyList<PointsRule> Rules,
    int Revision,
    bool Closed)
{
    public static SchemeResponse From(Scheme s) =>
        new(s.Id, s.OrganisationId, s.Year, s.SubjectType, s.Topic, s.Total, s.Dimensions, s.Thresholds, s.ExcellentShareCap, s.Rules, s.Revision, s.IsClosed);
}
