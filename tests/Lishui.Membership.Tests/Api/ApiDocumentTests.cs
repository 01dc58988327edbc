using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.Membership.Tests.Api;

/// <summary>Membership's OpenAPI document: complete (names, descriptions, bodies, success and problem responses) and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(MembershipApiFactory api, ITestOutputHelper output) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task The_API_document_describes_every_operation_its_body_and_its_problems()
    {
        using var anonymous = api.ClientWith(null);
        using var _ = await ApiDocumentCheck.AssertCompleteAsync(api.Services, anonymous, output);
    }

    [Fact]
    public async Task The_API_document_passes_Spectrals_OpenAPI_rules_without_errors_or_warnings()
    {
        using var anonymous = api.ClientWith(null);
        await SpectralLint.AssertCleanAsync("membership", await anonymous.GetStringAsync("/openapi/v1.json"), output);
    }
}
