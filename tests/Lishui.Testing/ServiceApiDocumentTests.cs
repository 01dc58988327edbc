using Xunit;
using Xunit.Abstractions;

namespace Lishui.Testing;

/// <summary>
/// A service's OpenAPI document: complete (names, descriptions, bodies, success and problem responses) and
/// clean under Spectral's OpenAPI rules. Each service's test project derives one class from it, naming
/// the service and handing over its started host's services and an anonymous client.
/// </summary>
public abstract class ServiceApiDocumentTests(string service, Func<IServiceProvider> services, Func<HttpClient> anonymousClient, ITestOutputHelper output)
{
    [Fact]
    public async Task The_API_document_describes_every_operation_its_body_and_its_problems()
    {
        using var anonymous = anonymousClient();
        using var _ = await ApiDocumentCheck.AssertCompleteAsync(services(), anonymous, output);
    }

    [Fact]
    public async Task The_API_document_passes_Spectrals_OpenAPI_rules_without_errors_or_warnings()
    {
        using var anonymous = anonymousClient();
        await SpectralLint.AssertCleanAsync(service, await anonymous.GetStringAsync("/openapi/v1.json"), output);
    }
}
