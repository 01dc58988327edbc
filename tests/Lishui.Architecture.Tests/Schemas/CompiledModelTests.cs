using Lishui.Assessment.Data;
using Lishui.Membership.Data;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.PracticalProjects.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lishui.Architecture.Tests.Schemas;

/// <summary>
/// The services run on the compiled models in <c>Data/CompiledModel/</c> (found through their
/// <c>[assembly: DbContextModel]</c> attribute), not on OnModelCreating. A model changed without
/// regenerating them would leave the service reading and writing the old shape, so each compiled
/// model must equal the model OnModelCreating builds now. No database is needed: the contexts never connect.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "run deploy/local/ef-models.sh and commit the regenerated CompiledModel folder";

    public static TheoryData<string> Contexts() => new(
        nameof(MembershipDbContext), nameof(AssessmentDbContext), nameof(PairingDbContext),
        nameof(ProjectsDbContext), nameof(NotificationDbContext), nameof(PublicEventsDb));

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_model_is_the_one_the_service_runs_on(string context)
    {
        using var db = Open(context);

        Assert.Equal($"{db.GetType().Namespace}.CompiledModel.{context}Model", db.Model.GetType().FullName);
        Assert.IsNotType(db.Model.GetType(), db.GetService<IDesignTimeModel>().Model);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_model_matches_OnModelCreating(string context)
    {
        using var db = Open(context);

        var differences = Differences(db.GetService<IDesignTimeModel>().Model, db.Model);

        Assert.True(differences.Count == 0, $"{context}: the compiled model is stale ({Regenerate}).\n  {string.Join("\n  ", differences)}");
    }

    [Fact]
    public void The_comparison_sees_a_property_added_without_regenerating()
    {
        var options = new DbContextOptionsBuilder<PairingDbContext>().UseNpgsql("Host=localhost;Database=design")
            .ReplaceService<IModelCustomizer, ExtraPropertyCustomizer>().Options;
        using var db = new PairingDbContext(options);

        var differences = Differences(db.GetService<IDesignTimeModel>().Model, db.Model);

        Assert.Contains(differences, d => d.Contains("probe", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("column probe text", StringComparison.Ordinal));
    }

    /// <summary>
    /// The tables and columns EF maps to (what migrations see, from the relational model: the migrations
    /// differ itself refuses a compiled model) and the CLR side they do not see: entity types,
    /// properties, converters, query filters.
    /// </summary>
    private static List<string> Differences(IModel designTime, IModel compiled)
    {
        var expected = Describe(designTime).Concat(Describe(designTime.GetRelationalModel())).ToList();
        var actual = Describe(compiled).Concat(Describe(compiled.GetRelationalModel())).ToList();
        return expected.Except(actual).Select(l => "expected: " + l)
            .Concat(actual.Except(expected).Select(l => "compiled: " + l))
            .ToList();
    }

    private static IEnumerable<string> Describe(IRelationalModel model)
    {
        foreach (var table in model.Tables.OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal))
        {
            var t = $"table {table.SchemaQualifiedName}";
            yield return t;
            foreach (var column in table.Columns)
            {
                yield return $"{t} column {column.Name} {column.StoreType} nullable {column.IsNullable}";
            }

            foreach (var key in table.UniqueConstraints)
            {
                yield return $"{t} unique {key.Name} ({string.Join(",", key.Columns.Select(c => c.Name))}) primary {key.GetIsPrimaryKey()}";
            }

            foreach (var index in table.Indexes)
            {
                yield return $"{t} index {index.Name} ({string.Join(",", index.Columns.Select(c => c.Name))}) unique {index.IsUnique} filter {index.Filter}";
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                yield return $"{t} foreign key {fk.Name} ({string.Join(",", fk.Columns.Select(c => c.Name))}) to {fk.PrincipalTable.SchemaQualifiedName} on delete {fk.OnDeleteAction}";
            }
        }
    }

    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var e = $"{entity.Name} ({entity.ClrType.FullName}) table {entity.GetSchema()}.{entity.GetTableName()}";
            lines.Add(e + $" base {entity.BaseType?.Name} owned {entity.IsOwned()} filters {string.Join(" ", entity.GetDeclaredQueryFilters().Select(f => $"{f.Key}:{f.Expression}"))}");
            foreach (var p in entity.GetDeclaredProperties())
            {
                // The mapping's converter, as reads and writes use it: a key's converter reaches its foreign keys only there.
                var converter = p.GetTypeMapping().Converter;
                lines.Add($"{e} property {p.Name} {p.ClrType} nullable {p.IsNullable} shadow {p.IsShadowProperty()} column {p.GetColumnName()} {p.GetColumnType()}"
                    + $" max {p.GetMaxLength()} generated {p.ValueGenerated} concurrency {p.IsConcurrencyToken}"
                    + $" converter {converter?.ModelClrType}->{converter?.ProviderClrType} comparer {p.GetValueComparer().Type}");
            }

            lines.AddRange(entity.GetDeclaredKeys().Select(k => $"{e} key {k.GetName()} ({string.Join(",", k.Properties.Select(p => p.Name))}) primary {k.IsPrimaryKey()}"));
            lines.AddRange(entity.GetDeclaredIndexes().Select(i => $"{e} index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique {i.IsUnique} filter {i.GetFilter()}"));
            lines.AddRange(entity.GetDeclaredForeignKeys().Select(f => $"{e} foreign key {f.GetConstraintName()} to {f.PrincipalEntityType.Name} delete {f.DeleteBehavior} required {f.IsRequired}"));
            lines.AddRange(entity.GetDeclaredNavigations().Select(n => $"{e} navigation {n.Name} {n.ClrType} to {n.TargetEntityType.Name}"));
        }

        return lines;
    }

    private static DbContext Open(string context) => context switch
    {
        nameof(MembershipDbContext) => new MembershipDbContext(Options<MembershipDbContext>()),
        nameof(AssessmentDbContext) => new AssessmentDbContext(Options<AssessmentDbContext>()),
        nameof(PairingDbContext) => new PairingDbContext(Options<PairingDbContext>()),
        nameof(ProjectsDbContext) => new ProjectsDbContext(Options<ProjectsDbContext>()),
        nameof(NotificationDbContext) => new NotificationDbContext(Options<NotificationDbContext>()),
        nameof(PublicEventsDb) => new PublicEventsDb(Options<PublicEventsDb>()),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, null),
    };

    private static DbContextOptions<T> Options<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=design").Options;

    /// <summary>OnModelCreating plus a column nobody generated a compiled model for.</summary>
    private sealed class ExtraPropertyCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<ContactLog>().Property<string>("probe");
        }
    }
}
