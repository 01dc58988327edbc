using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lishui.Deployment.Tests.Manifests;

/// <summary>One rendered Kubernetes object, as JSON nodes (YAML scalars typed the way the API reads them).</summary>
public sealed record K8sObject(JsonObject Node)
{
    public string ApiVersion => Node["apiVersion"]?.ToString() ?? "";

    public string Kind => Node["kind"]?.ToString() ?? "";

    public string Name => Node["metadata"]?["name"]?.ToString() ?? "";

    public IReadOnlyDictionary<string, string> Labels => Manifest.Map(Node["metadata"]?["labels"]);

    public JsonNode? Spec => Node["spec"];

    /// <summary>The pod template of a workload (Deployment, Job).</summary>
    public JsonNode? PodSpec => Node["spec"]?["template"]?["spec"];

    public IReadOnlyDictionary<string, string> PodLabels => Manifest.Map(Node["spec"]?["template"]?["metadata"]?["labels"]);

    public IReadOnlyDictionary<string, string> PodAnnotations => Manifest.Map(Node["spec"]?["template"]?["metadata"]?["annotations"]);

    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>The objects of one rendered overlay.</summary>
public sealed class Manifest(string name, IReadOnlyList<K8sObject> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<K8sObject> Objects { get; } = objects;

    public IEnumerable<K8sObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public K8sObject? Find(string kind, string name) => Objects.FirstOrDefault(o => o.Kind == kind && o.Name == name);

    public static Manifest Parse(string name, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream.Documents
            .Select(d => ToJson(d.RootNode))
            .OfType<JsonObject>()
            .Select(o => new K8sObject(o))
            .ToList();
        return new Manifest(name, objects);
    }

    public static IReadOnlyDictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") : new Dictionary<string, string>();

    public static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray a ? a.OfType<JsonNode>() : [];

    /// <summary>Does a label selector's matchLabels (all of them) select these labels?</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject)
        {
            return false;
        }

        var matchLabels = Map(selector["matchLabels"]);
        foreach (var (key, value) in matchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var expression in Items(selector["matchExpressions"]))
        {
            var key = expression["key"]?.ToString() ?? "";
            var values = Items(expression["values"]).Select(v => v.ToString()).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression["operator"]?.ToString() switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // YAML 1.2 core schema for plain scalars; quoted ones are strings ("8080" is not 8080 to the API).
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ => JsonValue.Create(text),
        };
    }
}
