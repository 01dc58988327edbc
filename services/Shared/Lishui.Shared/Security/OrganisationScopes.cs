using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Security;

/// <summary>Builds a <see cref="ResourceScope"/> from a service's own table of organisations (id → parent).</summary>
public static class OrganisationScopes
{
    /// <summary>
    /// The organisation and its ancestors, nearest first, read with one recursive query; null when the
    /// organisation is unknown. <paramref name="table"/>, <paramref name="idColumn"/> and
    /// <paramref name="parentColumn"/> are the service's own identifiers, never user input.
    /// </summary>
    public static async Task<ResourceScope?> ScopeOfOrganisationAsync(
        this DbContext db, string table, string idColumn, string parentColumn, Guid organisationId, Guid? memberId = null, CancellationToken ct = default)
    {
#pragma warning disable EF1002 // identifiers are constants of the calling service; the id is a parameter
        var chain = await db.Database.SqlQueryRaw<Guid>(
            $"""
            WITH RECURSIVE up AS (
              SELECT {idColumn} AS id, {parentColumn} AS parent, 0 AS depth FROM {table} WHERE {idColumn} = @id
              UNION ALL
              SELECT o.{idColumn}, o.{parentColumn}, up.depth + 1 FROM {table} o JOIN up ON o.{idColumn} = up.parent WHERE up.depth < 50)
            SELECT id AS "Value" FROM up ORDER BY depth
            """, new Npgsql.NpgsqlParameter("id", organisationId)).ToListAsync(ct);
#pragma warning restore EF1002
        return chain.Count == 0 ? null : new ResourceScope(chain, memberId);
    }
}
