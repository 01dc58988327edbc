using System.Text.Json.Nodes;
using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Shared.Web;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Features;

public sealed record PublicEventTypeResponse(string Type, int Version, string Classification, string Source, DateOnly? DeprecatedOn, string Summary, string SummaryZh, Uri DataSchema);

public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder group)
    {
        group.MapGet("/types", (IOptions<PublicEventsOptions> options) => TypedResults.Ok(PublicEventCatalog.Types.Select(t => new PublicEventTypeResponse(
            t.Type, t.Version, PublicJson.ClassificationName(t.Classification), t.Source, t.DeprecatedOn, t.Summary, t.SummaryZh,
            PublicJson.SchemaUrl(options.Value.PublicBaseUrl, t.Type))).ToList()))
            .WithSummary("The public event types, their classification and deprecation");

        // The dataschema URL of every event points here.
        group.MapGet("/schemas/{file}", (string file, IOptions<PublicEventsOptions> options) =>
            file.EndsWith(".json", StringComparison.Ordinal) && PublicEventCatalog.TryGet(file[..^".json".Length], out var type)
                ? Results.Text(PublicJson.PublishedSchema(type, options.Value.PublicBaseUrl).ToJsonString(PublicJson.Indented), "application/schema+json")
                : Problems.NotFound("公开事件类型", "public event type"))
            .WithSummary("JSON Schema (2020-12) of a public event type's data");

        group.MapGet("/asyncapi.json", (IOptions<PublicEventsOptions> options, PublicBroker broker) =>
            Results.Text(Document(options.Value, broker).ToJsonString(PublicJson.Indented), "application/json"))
            .WithSummary("AsyncAPI 3.0 document of the public events");
        return group;
    }

    public static JsonObject Document(PublicEventsOptions options, PublicBroker broker) =>
        AsyncApiDocument.Create(options.PublicBaseUrl, options.Exchange, $"{options.AmqpPublicHost ?? broker.Factory.HostName}:{broker.Factory.Port}", broker.Factory.VirtualHost);
}
