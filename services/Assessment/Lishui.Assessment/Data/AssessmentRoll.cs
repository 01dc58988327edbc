using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Data;

public sealed record RollEntryResponse(Guid SubjectId, string Name);

/// <summary>
/// Who a scheme of an organisation scores (<c>assessment_roll</c> in the database): members of the
/// organisation and every organisation below it, their households, or the party–mass groups
/// (economic cooperatives) and village committees among them.
/// </summary>
public static class AssessmentRoll
{
    public static Task<bool> ContainsAsync(AssessmentDbContext db, Scheme scheme, Guid subjectId, CancellationToken ct) =>
        Of(db, scheme.OrganisationId, scheme.SubjectType).AnyAsync(r => r.SubjectId == subjectId, ct);

    public static IQueryable<RollEntryResponse> Of(AssessmentDbContext db, Guid organisationId, SubjectType type) =>
        db.Database.SqlQuery<RollEntryResponse>(
            $"""SELECT subject_id, name FROM assessment_roll({organisationId}, {type.ToString()})""");
}
