using Lishui.PracticalProjects.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Web;

/// <summary>
/// Projects and requests are published under their organisation; one this service's view of Membership's
/// tree does not hold would be an orphan on the public board, with no secretary to answer for it. The view
/// may lag Membership, so the message says so: the caller retries once the organisation has arrived.
/// </summary>
public static class KnownOrganisations
{
    public const string UnknownCode = "organisation.unknown";

    /// <exception cref="RequestValidationException">The organisation is not in the local tree (400, naming <paramref name="field"/>).</exception>
    public static async Task EnsureKnownAsync(this ProjectsDbContext db, Guid organisationId, string field, string whatZh, string whatEn, CancellationToken ct)
    {
        if (!await db.Set<LocalOrganisation>().AnyAsync(o => o.OrganisationId == organisationId, ct))
        {
            throw new RequestValidationException([new FieldError(field, UnknownCode,
                $"{whatZh}不在组织名册中（或尚未从党员管理服务同步），请核对组织编号后重试。",
                $"The {whatEn} is not a known organisation (or not yet synchronised from Membership); check the id and retry.")]);
        }
    }
}
