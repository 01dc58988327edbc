using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Membership.Features;

/// <summary>
/// A member as the API shows them: cohorts are computed for today, roles are the offices held now;
/// ID number, phone and e-mail are masked (the clear values only through the logged contact read).
/// </summary>
public sealed record MemberResponse(
    Guid Id, string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn,
    Guid OrganisationId, MemberStatus Status, long Version, DateOnly StatusSince, bool OnRoll, DateOnly OrganisationSince,
    IReadOnlyList<Cohort> Cohorts, IReadOnlyList<MemberRole> Roles, string? IdNumber, string? Phone, string? Email);

/// <summary>Builds <see cref="MemberResponse"/>s: today's cohorts from the configured thresholds and the offices held.</summary>
public sealed class MemberResponses(IOptions<CohortOptions> cohorts, PersonalDataProtector protector, TimeProvider time)
{
    public CohortOptions Cohorts => cohorts.Value;

    public DateOnly Today => time.Today();

    public MemberResponse Of(Member m, IReadOnlyList<MemberRole> roles)
    {
        var masked = Masked(m);
        return new(m.Id.Value, m.Name, m.Gender, m.BirthDate, m.JoinedOn, m.FullMemberOn, m.OrganisationId, m.Status, m.Version,
            m.StatusSince, m.IsOnRoll, m.OrganisationSince, cohorts.Value.Of(m, Today), roles, masked.IdNumber, masked.Phone, masked.Email);
    }

    /// <summary>The member's personal data as anyone may see it: 440605********1234, 138****8000, z***@example.cn.</summary>
    public PersonalDetails Masked(Member m)
    {
        var clear = m.OpenPersonalData(protector);
        return new(clear.IdNumber is { } id ? ResidentIdNumber.Mask(id) : null,
            clear.Phone is { } phone ? MobileNumber.Mask(phone) : null,
            clear.Email is { } email ? EmailAddress.Mask(email) : null);
    }

    public async Task<List<MemberResponse>> OfAsync(MembershipDbContext db, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var roles = (await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.MemberId) && a.RevokedOn == null).ToListAsync(ct))
            .ToLookup(a => a.MemberId, a => a.Role);
        return members.Select(m => Of(m, roles[m.Id].Order().ToList())).ToList();
    }
}
