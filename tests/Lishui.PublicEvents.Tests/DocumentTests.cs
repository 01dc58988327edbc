using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lishui.Contracts.Public;
using Lishui.Contracts.Tests;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.PublicEvents.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lishui.PublicEvents.Tests;

/// <summary>
/// The public JSON Schemas and the AsyncAPI document are generated from the records and committed
/// under contracts/public; a published version changes only by addition.
/// </summary>
public sealed class DocumentTests
{
    private const string UpdateVariable = "LISHUI_UPDATE_CONTRACT_SNAPSHOTS";

    /// <summary>The committed documents describe the production layout (the app serves its configured one).</summary>
    public static readonly Uri DocumentedBaseUrl = new("https://notification.lishui.example/");

    public static TheoryData<string> Types() => new(PublicEventCatalog.Types.Select(t => t.Type));

    [Theory]
    [MemberData(nameof(Types))]
    public void A_published_public_schema_changes_only_by_addition(string type)
    {
        Assert.True(PublicEventCatalog.TryGet(type, out var publicType));
        var current = PublicJson.PublishedSchema(publicType, DocumentedBaseUrl);
        var file = Path.Combine(PublicFolder(), "schemas", type + ".json");
        if (!File.Exists(file))
        {
            Assert.True(Environment.GetEnvironmentVariable(UpdateVariable) == "1", $"No committed schema for {type}. Run with {UpdateVariable}=1 and commit {file}.");
            Write(file, current);
            return;
        }

        var published = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var breaking = ContractCompatibility.BreakingChanges(published, current);
        Assert.True(breaking.Count == 0, $"{type} changed incompatibly ({string.Join("; ", breaking)}): publish a new version (.v{publicType.Version + 1}) side by side.");
        if (!JsonNode.DeepEquals(published, current))
        {
            Assert.True(Environment.GetEnvironmentVariable(UpdateVariable) == "1", $"{type} gained fields; run with {UpdateVariable}=1 and commit {file}.");
            Write(file, current);
        }
    }

    [Fact]
    public void Every_public_type_is_versioned_classified_and_named_by_the_convention()
    {
        Assert.NotEmpty(PublicEventCatalog.Types);
        Assert.All(PublicEventCatalog.Types, t =>
        {
            Assert.Matches(@"^cn\.gov\.lishui\.[a-z]+\.[a-z-]+\.v\d+$", t.Type);
            Assert.StartsWith("/lishui/", t.Source);
            Assert.NotEmpty(t.Summary);
            Assert.NotEmpty(t.SummaryZh);
        });
        var committed = Directory.GetFiles(Path.Combine(PublicFolder(), "schemas"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet();
        Assert.Empty(committed.Except(PublicEventCatalog.Types.Select(t => t.Type))); // a published version is never deleted
    }

    [Fact]
    public void The_committed_asyncapi_document_is_the_generated_one()
    {
        var current = AsyncApiDocument.Create(DocumentedBaseUrl, "lishui.public.events", "lishui-rabbitmq:5672", "lishui");
        var file = Path.Combine(PublicFolder(), "asyncapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Write(file, current);
        }

        Assert.True(File.Exists(file) && JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(file)), current),
            $"contracts/public/asyncapi.json is not the generated document; run with {UpdateVariable}=1 and commit it.");
    }

    public static string PublicFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return Path.Combine(dir.FullName, "contracts", "public");
            }
        }

        throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }

    private static void Write(string file, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, node.ToJsonString(PublicJson.Indented) + "\n");
    }
}

/// <summary>The served documents: schemas at the dataschema URLs, and an AsyncAPI document the official CLI accepts.</summary>
[Collection(PublicEventsCollection.Name)]
public sealed class ServedDocumentTests(PublicEventsFactory platform, ITestOutputHelper output)
{
    [Fact]
    public async Task The_served_asyncapi_document_validates_with_the_asyncapi_cli()
    {
        using var client = platform.CreateClient();
        var document = await client.GetStringAsync("/public-events/asyncapi.json");
        var file = Path.Combine(Path.GetTempPath(), $"lishui-asyncapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        var folder = Node.Folder("asyncapi");
        await Node.EnsureInstalledAsync(folder);

        var (code, log) = await Node.RunAsync(Path.Combine(folder, "node_modules", ".bin", "asyncapi"), ["validate", file, "--fail-severity", "warn"], folder,
            new Dictionary<string, string> { ["ASYNCAPI_TELEMETRY"] = "false", ["CI"] = "true" }, TimeSpan.FromMinutes(3));
        output.WriteLine(log);

        // The CLI does catch a broken document (an operation pointing at a channel that does not exist).
        var broken = JsonNode.Parse(document)!;
        broken["operations"]!.AsObject().First().Value!["channel"]!["$ref"] = "#/channels/nothing";
        await File.WriteAllTextAsync(file, broken.ToJsonString());
        var (brokenCode, brokenLog) = await Node.RunAsync(Path.Combine(folder, "node_modules", ".bin", "asyncapi"), ["validate", file, "--fail-severity", "warn"], folder,
            new Dictionary<string, string> { ["ASYNCAPI_TELEMETRY"] = "false", ["CI"] = "true" }, TimeSpan.FromMinutes(3));
        File.Delete(file);

        Assert.True(code == 0, $"asyncapi validate failed ({code}):\n{log}");
        Assert.True(brokenCode != 0, $"the CLI accepted a broken document:\n{brokenLog}");
        var channels = JsonNode.Parse(document)!["channels"]!.AsObject();
        Assert.Equal(PublicEventCatalog.Types.Count, channels.Count);
    }

    [Fact]
    public async Task Every_type_has_its_schema_served_at_its_dataschema_url()
    {
        using var client = platform.CreateClient();
        var types = await client.GetFromJsonAsync<JsonElement>("/public-events/types");
        foreach (var type in types.EnumerateArray())
        {
            var url = type.GetProperty("dataSchema").GetString()!;
            Assert.StartsWith(platform.BaseAddress.ToString(), url);
            var schema = JsonNode.Parse(await client.GetStringAsync(url))!;
            Assert.Equal(url, schema["$id"]!.GetValue<string>());
            Assert.Equal(type.GetProperty("classification").GetString(), schema["x-dataclassification"]!.GetValue<string>());
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/public-events/schemas/cn.gov.lishui.nothing.v1.json")).StatusCode);
    }
}
