using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lishui.Testing;

/// <summary>
/// Resources the matrix needs, one inside the secretary's organisation (Hefeng) and one in another
/// village, per kind of scope the service's policy names.
/// </summary>
public sealed class MatrixWorld
{
    public required Guid OwnOrganisation { get; init; }

    /// <summary>The member the Member role's token is for (in the own organisation).</summary>
    public required Guid OwnMember { get; init; }

    /// <summary>kind → ids: own (belongs to the own organisation; to the own member when <c>OfOwnMember</c>) and other.</summary>
    public Dictionary<string, (string Own, string Other, bool OfOwnMember)> Kinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Values for route and query parameters that are not the request's scope (template keys, dates…).</summary>
    public Dictionary<string, string> Samples { get; } = new(StringComparer.OrdinalIgnoreCase);

    public MatrixWorld Kind(string kind, object own, object other, bool ofOwnMember = false)
    {
        Kinds[kind] = (own.ToString()!, other.ToString()!, ofOwnMember);
        return this;
    }

    public MatrixWorld Sample(string parameter, object value)
    {
        Samples[parameter] = value.ToString()!;
        return this;
    }
}

/// <summary>
/// The authorisation matrix: every operation of a service's OpenAPI document × every role × the own and
/// another organisation's resource, sent to the running service, compared with what the operation's
/// documented rule (<c>x-lishui-access</c>) allows. The expectation below is written independently of
/// <see cref="AccessDecision"/>, so a wrong decision, a wrong scope lookup, an undocumented endpoint or one
/// without a rule declared beside its route fails.
/// </summary>
public static class AuthorisationMatrix
{
    public sealed record Result(int Operations, int Checks, IReadOnlyList<string> Mismatches, IReadOnlyList<string> Undeclared)
    {
        public override string ToString() =>
            $"{Operations} operations, {Checks} checks (operation × role × own/other), {Mismatches.Count} mismatches, {Undeclared.Count} undeclared";
    }

    /// <summary>Runs the matrix, writes its figures and every finding to the test output, and fails on any finding.</summary>
    public static async Task<Result> AssertAsync(IServiceProvider services, HttpClient client, MatrixWorld world, Xunit.Abstractions.ITestOutputHelper output)
    {
        var result = await RunAsync(services, client, world);
        output.WriteLine(result.ToString());
        foreach (var line in result.Mismatches.Concat(result.Undeclared))
        {
            output.WriteLine(line);
        }

        Assert.Empty(result.Undeclared);
        Assert.Empty(result.Mismatches);
        return result;
    }

    private enum Role { Anonymous, TownAdministrator, Secretary, Member, Auditor, ExternalSystem, Service }

    public static async Task<Result> RunAsync(IServiceProvider services, HttpClient client, MatrixWorld world)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = Operations(document.RootElement).ToList();
        var undeclared = operations.Where(o => o.Access is null).Select(o => $"{o.Method} {o.Path}: no x-lishui-access").ToList();
        undeclared.AddRange(EndpointsMissingFromDocument(services, operations));
        undeclared.AddRange(AccessPolicy.Of(services.GetRequiredService<EndpointDataSource>())
            .Where(e => e.Access is null).Select(e => $"{e}: no access rule declared beside its route"));

        var mismatches = new List<string>();
        var checks = 0;
        foreach (var operation in operations.Where(o => o.Access is not null))
        {
            var access = operation.Access!.Value;
            var scope = access.TryGetProperty("scope", out var s) ? (In: s.GetProperty("in").GetString()!, Name: s.GetProperty("name").GetString()!, Kind: s.GetProperty("kind").GetString()!) : default;
            var grants = access.GetProperty("grants").EnumerateArray().Select(g => g.GetString()!).ToHashSet();
            var hasServiceScope = access.TryGetProperty("serviceScope", out _);
            if (scope.Kind is not null && !world.Kinds.ContainsKey(scope.Kind))
            {
                mismatches.Add($"{operation.Method} {operation.Path}: the test world has no '{scope.Kind}' resources");
                continue;
            }

            foreach (var own in scope.Kind is null ? [true] : new[] { true, false })
            {
                var resource = scope.Kind is null ? null : own ? world.Kinds[scope.Kind].Own : world.Kinds[scope.Kind].Other;
                foreach (var role in Enum.GetValues<Role>())
                {
                    checks++;
                    var isRead = operation.Method is "GET" or "HEAD";
                    var expected = Allowed(role, grants, hasServiceScope, isRead, own, scope.Kind is { } k && world.Kinds[k].OfOwnMember);
                    using var request = Request(operation, scope, resource, world);
                    if (Token(role, world) is { } token)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var denied = status is 401 or 403;
                    var wrong = expected
                        ? denied || status >= 500
                        : status != (role == Role.Anonymous ? 401 : 403);
                    if (wrong)
                    {
                        mismatches.Add($"{operation.Method} {operation.Path} as {role} ({(scope.Kind is null ? "no scope" : own ? "own" : "other")} {scope.Kind}): " +
                            $"expected {(expected ? "allowed" : role == Role.Anonymous ? "401" : "403")}, got {status}");
                    }
                }
            }
        }

        return new Result(operations.Count, checks, mismatches, undeclared);
    }

    /// <summary>What the documented grants allow, spelled out per role.</summary>
    private static bool Allowed(Role role, IReadOnlySet<string> grants, bool hasServiceScope, bool isRead, bool own, bool kindOfOwnMember) =>
        grants.Contains(nameof(Grant.Public)) || role switch
        {
            Role.TownAdministrator => grants.Contains(nameof(Grant.Town)),
            Role.Auditor => isRead && grants.Contains(nameof(Grant.AuditorRead)),
            Role.Secretary => own && grants.Contains(nameof(Grant.SecretaryOfSubtree)),
            Role.Member => (isRead && grants.Contains(nameof(Grant.MemberRead))) || (own && kindOfOwnMember && grants.Contains(nameof(Grant.Self))),
            Role.ExternalSystem => grants.Contains(nameof(Grant.ExternalSystem)),
            Role.Service => hasServiceScope && grants.Contains(nameof(Grant.Service)),
            _ => false,
        };

    private static string? Token(Role role, MatrixWorld world) => role switch
    {
        Role.TownAdministrator => TestTokens.TownAdministrator("matrix-admin"),
        Role.Secretary => TestTokens.Secretary(world.OwnOrganisation, "matrix-secretary"),
        Role.Member => TestTokens.Member(world.OwnMember, "matrix-member"),
        Role.Auditor => TestTokens.Auditor("matrix-auditor"),
        Role.ExternalSystem => TestTokens.ExternalSystem("matrix-external"),
        Role.Service => TestTokens.Service("matrix-service", PlatformScopes.ContactsRead),
        _ => null,
    };

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In, bool Required)> Parameters, JsonElement? Access);

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean())).ToList()
                    : [];
                yield return new Operation(op.Name.ToUpperInvariant(), path.Name, parameters,
                    op.Value.TryGetProperty(AccessDocumentation.Extension, out var access) ? access.Clone() : null);
            }
        }
    }

    /// <summary>Endpoints the service maps that its OpenAPI document does not show (so the matrix would miss them).</summary>
    private static IEnumerable<string> EndpointsMissingFromDocument(IServiceProvider services, IReadOnlyList<Operation> operations)
    {
        var documented = operations.Select(o => $"{o.Method} {Normalise(o.Path)}").ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (route.StartsWith("/health", StringComparison.Ordinal) || route.StartsWith("/alive", StringComparison.Ordinal) || route.StartsWith("/openapi", StringComparison.Ordinal)
                || route.StartsWith("/scalar", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (!documented.Contains($"{method} {Normalise(route)}"))
                {
                    yield return $"{method} {route}: mapped but not in the OpenAPI document";
                }
            }
        }
    }

    /// <summary>Route templates without constraints or parameter names, so /x/{id:guid} and /x/{id} compare equal.</summary>
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]*\}", "{}");

    private static HttpRequestMessage Request(Operation operation, (string In, string Name, string Kind) scope, string? resource, MatrixWorld world)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var (name, location, required) in operation.Parameters)
        {
            var value = scope.Kind is not null && scope.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && (scope.In == "route" ? "path" : scope.In) == location
                ? resource
                : world.Samples.GetValueOrDefault(name) ?? (location == "path" ? Guid.NewGuid().ToString() : null);
            if (location == "path")
            {
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(value!), StringComparison.Ordinal);
            }
            else if (location == "query" && value is not null && (required || scope.Name == name || world.Samples.ContainsKey(name)))
            {
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
            }
        }

        if (scope is { In: "query" } && !query.Any(q => q.StartsWith(scope.Name + "=", StringComparison.Ordinal)))
        {
            query.Add($"{Uri.EscapeDataString(scope.Name)}={Uri.EscapeDataString(resource!)}");
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            var body = scope is { In: "body" } ? JsonSerializer.Serialize(new Dictionary<string, string?> { [scope.Name] = resource }) : "{}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
