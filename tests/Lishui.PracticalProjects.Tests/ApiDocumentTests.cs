using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.PracticalProjects.Tests;

/// <summary>PracticalProjects' OpenAPI document: complete and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(ProjectsApiFactory api, ITestOutputHelper output)
    : ServiceApiDocumentTests("practical-projects", () => api.Services, () => api.ClientWith(null), output), IClassFixture<ProjectsApiFactory>;
