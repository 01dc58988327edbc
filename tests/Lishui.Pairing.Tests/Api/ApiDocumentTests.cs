using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Pairing's OpenAPI document: complete and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(PairingApiFactory api, ITestOutputHelper output)
    : ServiceApiDocumentTests("pairing", () => api.Services, () => api.ClientWith(null), output), IClassFixture<PairingApiFactory>;
