using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// The questions every service asks of its copy of Membership's organisation tree
/// (<see cref="LocalOrganisation"/>, <c>local_organisations</c>): what lies above an organisation and
/// what lies below it. Both are answered by two database functions, defined once here and created by
/// each service's migrations, so a query, a statement that wakes messages and a roll all walk the
/// tree the same way.
/// </summary>
public static class LocalDirectory
{
    /// <summary>
    /// <c>organisation_ancestors(start)</c>: the organisation and every one above it, with its distance
    /// (0 for itself; the start counts even before its own event arrives). <c>organisation_subtree(root)</c>:
    /// the organisation and every one below it. The depth bound and <c>UNION</c> stop a cycle that
    /// out-of-order moves could leave for a moment.
    /// </summary>
    public const string CreateFunctionsSql = """
        CREATE OR REPLACE FUNCTION organisation_ancestors(start uuid) RETURNS TABLE (organisation_id uuid, depth int)
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
            WITH RECURSIVE up(organisation_id, depth) AS (
                SELECT start, 0
                UNION ALL
                SELECT o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.organisation_id
                WHERE o.parent_id IS NOT NULL AND up.depth < 32)
            SELECT organisation_id, depth FROM up
        $$;
        CREATE OR REPLACE FUNCTION organisation_subtree(root uuid) RETURNS TABLE (organisation_id uuid)
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
            WITH RECURSIVE tree(organisation_id) AS (
                SELECT root
                UNION
                SELECT o.organisation_id FROM local_organisations o JOIN tree t ON o.parent_id = t.organisation_id)
            SELECT organisation_id FROM tree
        $$;
        """;

    public const string DropFunctionsSql = """
        DROP FUNCTION IF EXISTS organisation_subtree(uuid);
        DROP FUNCTION IF EXISTS organisation_ancestors(uuid);
        """;

    /// <summary>The organisation and every organisation below it, as a query to compose with others.</summary>
    public static IQueryable<Guid> SubtreeOf(this DbContext db, Guid root) =>
        db.Database.SqlQuery<Guid>($"""SELECT organisation_id AS "Value" FROM organisation_subtree({root})""");

    /// <summary>The organisation and every organisation below it.</summary>
    public static async Task<HashSet<Guid>> SubtreeAsync(this DbContext db, Guid root, CancellationToken ct) =>
        [.. await db.SubtreeOf(root).ToListAsync(ct)];

    /// <summary>The organisation and every one above it (a member's organisation up to the town), nearest first.</summary>
    public static Task<List<Guid>> AncestorsAndSelfAsync(this DbContext db, Guid organisationId, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"""
            SELECT organisation_id AS "Value" FROM organisation_ancestors({organisationId}) ORDER BY depth
            """).ToListAsync(ct);

    /// <summary>For each of several organisations, itself and every one above it, in one query.</summary>
    public static async Task<ILookup<Guid, Guid>> AncestorsAndSelfAsync(this DbContext db, IReadOnlyCollection<Guid> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToArray();
        var rows = await db.Database.SqlQuery<OrganisationAbove>($"""
            SELECT origin, a.organisation_id AS id FROM unnest({ids}) AS origin, organisation_ancestors(origin) AS a
            """).ToListAsync(ct);
        return rows.ToLookup(r => r.Origin, r => r.Id);
    }

    /// <summary>A secretary's view of a resource in <paramref name="organisationId"/>: the organisation with its ancestors; null when unknown here.</summary>
    public static async Task<ResourceScope?> ScopeOfLocalOrganisationAsync(this DbContext db, Guid organisationId, Guid? memberId = null, CancellationToken ct = default)
    {
        var chain = await db.Database.SqlQuery<Guid>($"""
            SELECT a.organisation_id AS "Value" FROM organisation_ancestors({organisationId}) AS a
            WHERE EXISTS (SELECT 1 FROM local_organisations WHERE organisation_id = {organisationId})
            ORDER BY a.depth
            """).ToListAsync(ct);
        return chain.Count == 0 ? null : new ResourceScope(chain, memberId);
    }
}

/// <summary>A row of <see cref="LocalDirectory.AncestorsAndSelfAsync(DbContext, IReadOnlyCollection{Guid}, CancellationToken)"/>: an organisation above (or equal to) the one asked about.</summary>
public sealed record OrganisationAbove(Guid Origin, Guid Id);
