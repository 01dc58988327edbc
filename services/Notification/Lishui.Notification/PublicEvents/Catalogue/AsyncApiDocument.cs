using System.Text.Json.Nodes;
using Lishui.Contracts.Public;

namespace Lishui.Notification.PublicEvents.Catalogue;

/// <summary>
/// The AsyncAPI 3.0 document of the open event interface, generated from the same catalogue and
/// records as the JSON Schemas: one channel per type (the routing key on the topic exchange), one
/// receive operation each, and the CloudEvents envelope with the type's data schema inside.
/// </summary>
public static class AsyncApiDocument
{
    public static JsonObject Create(Uri publicBaseUrl, string exchange, string amqpHost, string vhost)
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in PublicEventCatalog.Types)
        {
            var key = KeyOf(type);
            schemas[key] = PublicJson.DataSchema(type);
            messages[key] = new JsonObject
            {
                ["name"] = type.Type,
                ["title"] = type.Type,
                ["summary"] = type.Summary,
                ["description"] = $"{type.SummaryZh}\n\nData classification: `{PublicJson.ClassificationName(type.Classification)}`. Version {type.Version}" +
                    (type.DeprecatedOn is { } d ? $", deprecated: no longer published after {d:yyyy-MM-dd}." : "."),
                ["contentType"] = "application/cloudevents+json",
                ["payload"] = Envelope(type, key, publicBaseUrl),
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject { ["contentEncoding"] = "utf-8", ["messageType"] = type.Type, ["bindingVersion"] = "0.3.0" },
                },
            };
            channels[key] = new JsonObject
            {
                ["address"] = type.Type,
                ["title"] = type.Type,
                ["description"] = $"Routing key `{type.Type}` on the topic exchange `{exchange}`.",
                ["messages"] = new JsonObject { [key] = new JsonObject { ["$ref"] = $"#/components/messages/{key}" } },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "topic", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = vhost },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations["receive" + char.ToUpperInvariant(key[0]) + key[1..]] = new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = new JsonObject { ["$ref"] = $"#/channels/{key}" },
                ["summary"] = type.Summary,
                ["messages"] = new JsonArray(new JsonObject { ["$ref"] = $"#/channels/{key}/messages/{key}" }),
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Lishui Platform public events (里水镇党建平台公开事件)",
                ["version"] = "1.0.0",
                ["description"] = "CloudEvents 1.0 (structured JSON) for other government systems. Each subscriber reads its own queue, which the platform " +
                    "binds to the allowed types, or receives signed webhooks. Deduplicate by `id`. Guide: contracts/public/README.md in the repository.",
            },
            ["defaultContentType"] = "application/cloudevents+json",
            ["servers"] = new JsonObject
            {
                ["broker"] = new JsonObject
                {
                    ["host"] = amqpHost,
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["pathname"] = "/" + (vhost == "/" ? string.Empty : vhost),
                    ["description"] = "RabbitMQ; log in with the user and password issued at registration; read only your queue.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static string KeyOf(PublicEventType type)
    {
        // cn.gov.lishui.projects.project-approved.v1 → projectsProjectApprovedV1
        var parts = type.Type["cn.gov.lishui.".Length..].Split('.', '-');
        return parts[0] + string.Concat(parts[1..].Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static JsonObject Envelope(PublicEventType type, string key, Uri publicBaseUrl) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("specversion", "id", "source", "type", "subject", "time", "dataschema", "datacontenttype", "dataclassification", "data"),
        ["properties"] = new JsonObject
        {
            ["specversion"] = new JsonObject { ["const"] = "1.0" },
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Unique per event; the same on every redelivery and replay: deduplicate on it." },
            ["source"] = new JsonObject { ["const"] = type.Source },
            ["type"] = new JsonObject { ["const"] = type.Type },
            ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "Id of what the event is about." },
            ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["dataschema"] = new JsonObject { ["const"] = PublicJson.SchemaUrl(publicBaseUrl, type.Type).ToString() },
            ["datacontenttype"] = new JsonObject { ["const"] = "application/json" },
            ["dataclassification"] = new JsonObject { ["const"] = PublicJson.ClassificationName(type.Classification) },
            ["data"] = new JsonObject { ["$ref"] = $"#/components/schemas/{key}" },
        },
    };
}
