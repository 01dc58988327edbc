using System.Text.Json;
using System.Text.Json.Nodes;
using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.Notification.Tests;

/// <summary>
/// Notification's OpenAPI document (the public-events module's operations included): complete (names,
/// descriptions, bodies, success and problem responses) and clean under Spectral's OpenAPI rules.
/// </summary>
public sealed class ApiDocumentTests(NotificationApiFactory api, ITestOutputHelper output) : IClassFixture<NotificationApiFactory>
{
    [Fact]
    public async Task The_API_document_describes_every_operation_its_body_and_its_problems()
    {
        using var anonymous = api.CreateClient().WithToken(null);
        using var document = await ApiDocumentCheck.AssertCompleteAsync(api.Services, anonymous, output);

        var replay = document.RootElement.GetProperty("paths").GetProperty("/public-events/subscribers/{id}/replays").GetProperty("post");
        Assert.Equal("#/components/schemas/RequestReplay",
            replay.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task A_request_body_the_document_leaves_out_is_reported()
    {
        using var anonymous = api.CreateClient().WithToken(null);
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        document["paths"]!["/public-events/subscribers"]!["post"]!.AsObject().Remove("requestBody");

        var findings = ApiDocumentCheck.Findings(api.Services, JsonSerializer.SerializeToElement(document));

        Assert.Contains("POST /public-events/subscribers: reads a request body (ValidatedBody<RegisterSubscriber> body) that the document does not describe", findings);
    }

    [Fact]
    public async Task The_API_document_passes_Spectrals_OpenAPI_rules_without_errors_or_warnings()
    {
        using var anonymous = api.CreateClient().WithToken(null);
        await SpectralLint.AssertCleanAsync("notification", await anonymous.GetStringAsync("/openapi/v1.json"), output);
    }
}
