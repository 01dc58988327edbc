using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.Membership.Tests.Api;

/// <summary>Membership's OpenAPI document: complete and clean under Spectral's OpenAPI rules.</summary>
public sealed class ApiDocumentTests(MembershipApiFactory api, ITestOutputHelper output)
    : ServiceApiDocumentTests("membership", () => api.Services, () => api.ClientWith(null), output), IClassFixture<MembershipApiFactory>;
