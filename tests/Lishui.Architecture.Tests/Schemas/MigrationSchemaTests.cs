using System.Runtime.CompilerServices;
using Lishui.Assessment.Data;
using Lishui.Membership.Data;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Pairing.Data;
using Lishui.PracticalProjects.Data;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Architecture.Tests.Schemas;

/// <summary>
/// Each service's migrations, applied to an empty database, make exactly the schema recorded in
/// <c>Schemas/&lt;service&gt;.sql</c>. A change to the model shows up here as a difference to review
/// (and to record on purpose: <c>LISHUI_SCHEMA_RECORD=1</c> rewrites the files).
/// </summary>
public sealed class MigrationSchemaTests : IAsyncLifetime
{
    private const string RecordVariable = "LISHUI_SCHEMA_RECORD";

    private readonly TestInfrastructure infrastructure = new();

    public static TheoryData<string> Services() => new("membership", "assessment", "pairing", "projects", "notification");

    public Task InitializeAsync() => infrastructure.InitializeAsync();

    public Task DisposeAsync() => infrastructure.DisposeAsync();

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Migrating_an_empty_database_makes_the_recorded_schema(string service)
    {
        var database = await infrastructure.CreateDatabaseAsync($"schema_{service}");
        await MigrateAsync(service, database);
        var actual = await SchemaDump.OfAsync(database);
        await infrastructure.DropDatabaseAsync(database);

        var file = RecordedFile(service);
        if (Environment.GetEnvironmentVariable(RecordVariable) == "1")
        {
            await File.WriteAllTextAsync(file, actual);
        }

        var expected = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        var missing = Lines(expected).Except(Lines(actual)).ToList();
        var added = Lines(actual).Except(Lines(expected)).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0,
            $"{service}: the migrated schema differs from {Path.GetFileName(file)}.\nMissing:\n  {string.Join("\n  ", missing)}\nNew:\n  {string.Join("\n  ", added)}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_comparison_sees_a_changed_column()
    {
        var database = await infrastructure.CreateDatabaseAsync("schema_probe");
        await MigrateAsync("pairing", database);
        var before = await SchemaDump.OfAsync(database);
        await using (var db = Open<PairingDbContext>(database))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE contact_logs ALTER COLUMN summary TYPE character varying(501)");
        }

        var after = await SchemaDump.OfAsync(database);
        await infrastructure.DropDatabaseAsync(database);
        Assert.NotEqual(before, after);
    }

    private static async Task MigrateAsync(string service, string database)
    {
        switch (service)
        {
            case "membership":
                await MigrateAsync(Open<MembershipDbContext>(database));
                break;
            case "assessment":
                await MigrateAsync(Open<AssessmentDbContext>(database));
                break;
            case "pairing":
                await MigrateAsync(Open<PairingDbContext>(database));
                break;
            case "projects":
                await MigrateAsync(Open<ProjectsDbContext>(database));
                break;
            case "notification":
                // As `notification migrate` does: the service's tables, then the public-events module's schema.
                await MigrateAsync(Open<NotificationDbContext>(database));
                await MigrateAsync(Open<PublicEventsDb>(database));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(service), service, null);
        }
    }

    private static async Task MigrateAsync(DbContext db)
    {
        await using (db)
        {
            await db.Database.MigrateAsync();
        }
    }

    private static T Open<T>(string database)
        where T : DbContext =>
        (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseNpgsql(database).Options)!;

    private static IEnumerable<string> Lines(string dump) => dump.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string RecordedFile(string service, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, $"{service}.sql");
}
