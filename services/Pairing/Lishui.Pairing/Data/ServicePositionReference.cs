using Lishui.Pairing.Domain;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

/// <summary>What study sessions and stationing visits check when they name a place by id.</summary>
public static class ServicePositionReference
{
    /// <summary>Null when no place is named; the place's name when it is one in use; a 400 naming the field otherwise.</summary>
    public static async Task<ServicePosition?> FindInUseAsync(this PairingDbContext db, Guid? id, string field, CancellationToken ct)
    {
        if (id is not { } positionId)
        {
            return null;
        }

        return await db.ServicePositions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == positionId && p.RemovedAt == null, ct)
            ?? throw new RequestValidationException([new FieldError(field, "service-position.unknown",
                "该党群服务阵地不存在（或已撤除）。", "No such service position (or it was removed).")]);
    }

    public static Task<Dictionary<Guid, string>> OrganisationNamesAsync(this PairingDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);
    }
}
