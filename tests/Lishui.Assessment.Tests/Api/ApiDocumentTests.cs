using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.Assessment.Tests.Api;

/// <summary>Assessment's OpenAPI document: complete and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(AssessmentApiFactory api, ITestOutputHelper output)
    : ServiceApiDocumentTests("assessment", () => api.Services, () => api.ClientWith(null), output), IClassFixture<AssessmentApiFactory>;
