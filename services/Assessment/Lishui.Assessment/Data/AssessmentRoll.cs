using Lishui.Assessment.Domain;
using Lishui.Shared.Web;
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

    /// <summary>Which of <paramref name="subjectIds"/> are on the scheme's roll, in one query.</summary>
    public static async Task<HashSet<Guid>> WhichOfAsync(AssessmentDbContext db, Scheme scheme, IEnumerable<Guid> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.Distinct().ToList();
        var found = await Of(db, scheme.OrganisationId, scheme.SubjectType).Where(r => ids.Contains(r.SubjectId)).Select(r => r.SubjectId).ToListAsync(ct);
        return [.. found];
    }

    public const string SubjectUnknownCode = "ledger.subject-unknown";

    /// <summary>The fault of an entry for someone not on the roll, named by the entry's <paramref name="field"/>.</summary>
    public static FieldError SubjectUnknown(string field) => new(field, SubjectUnknownCode,
        "被考核对象不在本方案的考核范围内（本组织及下级组织的党员、家庭或组织）。",
        "The subject is not on this scheme's roll (members, households or organisations of the organisation and those below it).");

    public static IQueryable<RollEntryResponse> Of(AssessmentDbContext db, Guid organisationId, SubjectType type) =>
        db.Database.SqlQuery<RollEntryResponse>(
            $"""SELECT subject_id, name FROM assessment_roll({organisationId}, {type.ToString()})""");
}
