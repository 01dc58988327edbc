using System.Text.Json.Nodes;
using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Features;

public sealed record PublicEventTypeResponse(string Type, int Version, string Classification, string Source, DateOnly? DeprecatedOn, string Summary, string SummaryZh, Uri DataSchema);

public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder group)
    {
        // Public events: the catalogue, schemas and AsyncAPI document are public.
        group.MapGet("/types", (IOptions<PublicEventsOptions> options) => TypedResults.Ok(PublicEventCatalog.Types.Select(t => new PublicEventTypeResponse(
            t.Type, t.Version, PublicJson.ClassificationName(t.Classification), t.Source, t.DeprecatedOn, t.Summary, t.SummaryZh,
            PublicJson.SchemaUrl(options.Value.PublicBaseUrl, t.Type))).ToList())).RequireAccess(NotificationAccess.AnyoneAnonymous)
            .WithName("ListPublicEventTypes")
            .WithSummary("公开事件类型目录 / The public event types, their classification and deprecation")
            .WithDescription("外部系统可订阅的全部公开事件类型，含版本、数据分级和停用日期。/ Every public event type other systems may subscribe to, with its version, data classification and deprecation date.");

        // The dataschema URL of every event points here.
        group.MapGet("/schemas/{file}", Results<ContentHttpResult, ProblemHttpResult> (string file, IOptions<PublicEventsOptions> options) =>
            file.EndsWith(".json", StringComparison.Ordinal) && PublicEventCatalog.TryGet(file[..^".json".Length], out var type)
                ? TypedResults.Text(PublicJson.PublishedSchema(type, options.Value.PublicBaseUrl).ToJsonString(PublicJson.Indented), "application/schema+json")
                : Problems.NotFound("公开事件类型", "public event type")).RequireAccess(NotificationAccess.AnyoneAnonymous)
            .WithName("GetPublicEventSchema")
            .WithSummary("公开事件数据的 JSON Schema / JSON Schema (2020-12) of a public event type's data")
            .WithDescription("文件名为事件类型加 .json；每个事件的 dataschema 指向这里。/ The file is the event type followed by .json; every event's dataschema points here.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/schema+json");

        group.MapGet("/asyncapi.json", (IOptions<PublicEventsOptions> options, PublicBroker broker) =>
            TypedResults.Text(Document(options.Value, broker).ToJsonString(PublicJson.Indented), "application/json")).RequireAccess(NotificationAccess.AnyoneAnonymous)
            .WithName("GetPublicEventsAsyncApi")
            .WithSummary("公开事件的 AsyncAPI 文档 / AsyncAPI 3.0 document of the public events")
            .WithDescription("消息代理上的交换机、路由键和每种事件的消息格式。/ The broker's exchange, routing keys and each event's message.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");
        return group;
    }

    public static JsonObject Document(PublicEventsOptions options, PublicBroker broker) =>
        AsyncApiDocument.Create(options.PublicBaseUrl, options.Exchange, $"{options.AmqpPublicHost ?? broker.Factory.HostName}:{broker.Factory.Port}", broker.Factory.VirtualHost);
}
