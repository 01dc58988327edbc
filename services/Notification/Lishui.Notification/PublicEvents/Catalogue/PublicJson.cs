using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Lishui.Contracts.Public;

namespace Lishui.Notification.PublicEvents.Catalogue;

/// <summary>The JSON of public event data (camelCase, numbers as numbers) and the JSON Schemas generated from the same records.</summary>
public static class PublicJson
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The <c>dataschema</c> URL of a type, served by <c>GET /public-events/schemas/{type}.json</c>.</summary>
    public static Uri SchemaUrl(Uri baseUrl, string type) => new(baseUrl, $"public-events/schemas/{type}.json");

    /// <summary>The data schema without <c>$schema</c>/<c>$id</c>, as the AsyncAPI document embeds it.</summary>
    public static JsonObject DataSchema(PublicEventType type)
    {
        var schema = Options.GetJsonSchemaAsNode(type.DataType, Shared.Messaging.ContractJson.SchemaExporterOptions).AsObject();
        var ordered = new JsonObject
        {
            ["title"] = type.Type,
            ["description"] = $"{type.Summary} / {type.SummaryZh}",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            ordered[key] = value;
        }

        ordered["x-dataclassification"] = ClassificationName(type.Classification);
        if (type.DeprecatedOn is { } deprecated)
        {
            ordered["deprecated"] = true;
            ordered["x-deprecated-on"] = deprecated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return ordered;
    }

    /// <summary>The standalone JSON Schema (2020-12) served at the type's <c>dataschema</c> URL.</summary>
    public static JsonObject PublishedSchema(PublicEventType type, Uri? baseUrl)
    {
        var schema = new JsonObject { ["$schema"] = SchemaDialect };
        if (baseUrl is not null)
        {
            schema["$id"] = SchemaUrl(baseUrl, type.Type).ToString();
        }

        foreach (var (key, value) in DataSchema(type).ToList())
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }

    /// <summary>CloudEvents <c>dataclassification</c> value: public, internal, confidential or restricted.</summary>
    public static string ClassificationName(DataClassification classification) => classification.ToString().ToLowerInvariant();

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
