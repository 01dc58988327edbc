using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.PracticalProjects.Tests;

/// <summary>PracticalProjects' OpenAPI document: complete (names, descriptions, bodies, success and problem responses) and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(ProjectsApiFactory api, ITestOutputHelper output) : IClassFixture<ProjectsApiFactory>
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
        await SpectralLint.AssertCleanAsync("practical-projects", await anonymous.GetStringAsync("/openapi/v1.json"), output);
    }
}
