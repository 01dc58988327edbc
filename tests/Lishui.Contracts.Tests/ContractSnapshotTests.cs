using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Lishui.Shared.Messaging;

namespace Lishui.Contracts.Tests;

/// <summary>
/// Every contract's JSON Schema is committed under contracts/schemas. A breaking change to a
/// published version fails the build; it needs a new version published side by side.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ContractSnapshotTests
{
    private const string UpdateVariable = "LISHUI_UPDATE_CONTRACT_SNAPSHOTS";

    public static TheoryData<string> Urns() => new(ContractCatalog.EventTypes.Select(ContractCatalog.UrnOf).Order());

    [Theory]
    [MemberData(nameof(Urns))]
    public void Published_contract_changes_only_by_addition(string urn)
    {
        var current = SchemaOf(ContractCatalog.TypeOf(urn));
        var file = Path.Combine(SchemaDirectory(), FileNameOf(urn));
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        if (!File.Exists(file))
        {
            Assert.True(update, $"No committed schema for {urn}. Run the tests with {UpdateVariable}=1 and commit {file}.");
            Write(file, current);
            return;
        }

        var published = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var breaking = ContractCompatibility.BreakingChanges(published, current);
        Assert.True(breaking.Count == 0,
            $"{urn} changed incompatibly ({string.Join("; ", breaking)}). Keep v-current as it is and publish a new version side by side.");

        if (!JsonNode.DeepEquals(published, current))
        {
            Assert.True(update, $"{urn} gained fields; run the tests with {UpdateVariable}=1 and commit the updated {file}.");
            Write(file, current);
        }
    }

    [Fact]
    public void Every_contract_pins_a_unique_versioned_urn()
    {
        var urns = ContractCatalog.EventTypes.Select(ContractCatalog.UrnOf).ToList();
        Assert.NotEmpty(urns);
        Assert.Equal(urns.Count, urns.Distinct().Count());
        Assert.All(urns, urn => Assert.Matches(@"^urn:message:lishui:[a-z-]+:[a-z-]+:v\d+$", urn));
    }

    [Fact]
    public void Every_committed_schema_still_has_its_contract()
    {
        var known = ContractCatalog.EventTypes.Select(t => FileNameOf(ContractCatalog.UrnOf(t))).ToHashSet();
        var orphans = Directory.GetFiles(SchemaDirectory(), "*.schema.json").Select(Path.GetFileName).Where(f => !known.Contains(f!)).ToList();
        Assert.True(orphans.Count == 0, $"Schemas without a contract (a published version was deleted): {string.Join(", ", orphans)}");
    }

    [Fact]
    public void The_checker_flags_removed_retyped_and_loosened_fields()
    {
        var published = JsonNode.Parse("""
            {"properties":{"memberId":{"type":"string","format":"uuid"},"name":{"type":"string"},"sequence":{"type":"integer"}},
             "required":["memberId","name","sequence"]}
            """)!.AsObject();
        var current = JsonNode.Parse("""
            {"properties":{"memberId":{"type":"string","format":"uuid"},"sequence":{"type":"string"},"extra":{"type":"string"}},
             "required":["memberId"]}
            """)!.AsObject();

        var breaking = ContractCompatibility.BreakingChanges(published, current);

        Assert.Contains(breaking, b => b.Contains("'name' was removed"));
        Assert.Contains(breaking, b => b.Contains("'sequence' changed"));
        Assert.Contains(breaking, b => b.Contains("'sequence' is no longer always present"));
        Assert.DoesNotContain(breaking, b => b.Contains("extra"));
    }

    private static JsonObject SchemaOf(Type type) =>
        ContractJson.Options.GetJsonSchemaAsNode(type, ContractJson.SchemaExporterOptions).AsObject();

    private static string FileNameOf(string urn) => urn.Replace("urn:message:", string.Empty).Replace(':', '.') + ".schema.json";

    private static void Write(string file, JsonObject schema) =>
        File.WriteAllText(file, schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    private static string SchemaDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return Path.Combine(dir.FullName, "contracts", "schemas");
            }
        }

        throw new DirectoryNotFoundException("Repository root (Lishui.Platform.sln) not found above " + AppContext.BaseDirectory);
    }
}
