using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Membership.Features;

/// <summary>A member as the API shows them: cohorts are computed for today, roles are the offices held now.</summary>
public sealed record MemberResponse(
    Guid Id, string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn,
    Guid OrganisationId, MemberStatus Status, long Version, DateOnly StatusSince, bool OnRoll, DateOnly OrganisationSince,
    IReadOnlyList<Cohort> Cohorts, IReadOnlyList<MemberRole> Roles);

/// <summary>Builds <see cref="MemberResponse"/>s: today's cohorts from the configured thresholds and the offices held.</summary>
public sealed class MemberResponses(IOptions<CohortOptions> cohorts, TimeProvider time)
{
    public CohortOptions Cohorts => cohorts.Value;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public MemberResponse Of(Member m, IReadOnlyList<MemberRole> roles) =>
        new(m.Id.Value, m.Name, m.Gender, m.BirthDate, m.JoinedOn, m.FullMemberOn, m.OrganisationId, m.Status, m.Version,
            m.StatusSince, m.IsOnRoll, m.OrganisationSince, cohorts.Value.Of(m, Today), roles);

    public async Task<List<MemberResponse>> OfAsync(MembershipDbContext db, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var roles = (await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.MemberId) && a.RevokedOn == null).ToListAsync(ct))
            .ToLookup(a => a.MemberId, a => a.Role);
        return members.Select(m => Of(m, roles[m.Id].Order().ToList())).ToList();
    }
}
