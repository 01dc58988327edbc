using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lishui.AppHost;

/// <summary>
/// Starts a service's built assembly with <c>dotnet exec</c> instead of Aspire's default
/// <c>dotnet run --project</c>, which keeps an MSBuild-evaluating wrapper process (about 140 MB) alive
/// beside every service and adds seconds to each start. up.sh (and the tests) build before starting.
/// </summary>
// WithLaunchToolArgs is marked for evaluation in Aspire 13.6; it is the public way to replace 'run --project'.
#pragma warning disable ASPIREEXTENSION001
public static class BuiltServiceLaunch
{
    private static readonly string Configuration =
        typeof(BuiltServiceLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The project's build output (same configuration as the app host), or null where it is not built.</summary>
    public static string? BuiltAssembly(IProjectMetadata project)
    {
        var folder = Path.GetDirectoryName(project.ProjectPath)!;
        var dll = Path.Combine(folder, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(project.ProjectPath) + ".dll");
        return File.Exists(dll) ? dll : null;
    }

    /// <summary><c>dotnet exec &lt;built dll&gt;</c>; left to Aspire's <c>dotnet run</c> when nothing is built.</summary>
    public static IResourceBuilder<ProjectResource> WithBuiltAssembly(this IResourceBuilder<ProjectResource> project) =>
        project.WithLaunchToolArgs(context =>
        {
            if (BuiltAssembly(project.Resource.GetProjectMetadata()) is { } dll)
            {
                context.Args.Add("exec");
                context.Args.Add(dll);
            }
        }, showInCommandLine: false);

    /// <summary>
    /// The migrations resource: <c>dotnet exec &lt;dll&gt; migrate</c>, unless every migration the built
    /// assembly carries is already recorded in the database (one query, done here in the app host);
    /// then the resource runs the host's no-op <c>dotnet --list-runtimes</c> and finishes at once, so a
    /// warm start starts no .NET process per service to find nothing to do.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMigrationsSkippedWhenApplied(
        this IResourceBuilder<ProjectResource> migrations, IResourceBuilder<IResourceWithConnectionString> database) =>
        migrations.WithLaunchToolArgs(async context =>
        {
            if (BuiltAssembly(migrations.Resource.GetProjectMetadata()) is not { } dll)
            {
                return;
            }

            var ids = MigrationIds(dll);
            var applied = await AppliedAsync(database.Resource, ids, context.Logger, context.CancellationToken);
            if (applied)
            {
                context.Logger.LogInformation("All {Count} migrations of {Assembly} are applied: nothing to run", ids.Count, Path.GetFileName(dll));
                context.Args.Add("--list-runtimes");
                return;
            }

            context.Args.Add("exec");
            context.Args.Add(dll);
        }, showInCommandLine: false);

    /// <summary>The ids of the EF Core migrations in an assembly (<c>[Migration("...")]</c>), read without loading it.</summary>
    public static IReadOnlyList<string> MigrationIds(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var ids = new List<string>();
        foreach (var handle in reader.CustomAttributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) != "MigrationAttribute" || reader.GetString(type.Namespace) != "Microsoft.EntityFrameworkCore.Migrations")
            {
                continue;
            }

            var value = reader.GetBlobReader(attribute.Value);
            if (value.ReadUInt16() == 1 && value.ReadSerializedString() is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>True when every id is in one of the database's EF history tables (any schema); false on any doubt.</summary>
    private static async Task<bool> AppliedAsync(IResourceWithConnectionString database, IReadOnlyList<string> ids, ILogger log, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return false;
        }

        try
        {
            var connectionString = await database.GetConnectionStringAsync(ct);
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            var schemas = new List<string>();
            await using (var find = new NpgsqlCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'", connection))
            await using (var rows = await find.ExecuteReaderAsync(ct))
            {
                while (await rows.ReadAsync(ct))
                {
                    schemas.Add(rows.GetString(0));
                }
            }

            if (schemas.Count == 0)
            {
                return false;
            }

            var union = string.Join(" UNION ALL ", schemas.Select(s => $"SELECT \"MigrationId\" FROM \"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"__EFMigrationsHistory\""));
            await using var select = new NpgsqlCommand($"SELECT count(*) FROM unnest(@ids) AS wanted(id) WHERE id NOT IN ({union})", connection);
            select.Parameters.AddWithValue("ids", ids.ToArray());
            return (long)(await select.ExecuteScalarAsync(ct))! == 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            log.LogInformation("Could not check the applied migrations ({Message}): running them", e.Message);
            return false;
        }
    }
}
