using System.Security.Claims;

namespace Lishui.Shared.Security;

/// <summary>Who is calling, as the platform understands a validated token. Anonymous when there is none.</summary>
public sealed record Caller(
    string? Subject,
    IReadOnlySet<string> Roles,
    Guid? OrganisationId,
    Guid? MemberId,
    IReadOnlySet<string> Scopes,
    string? ClientId)
{
    public static readonly Caller Anonymous = new(null, new HashSet<string>(), null, null, new HashSet<string>(), null);

    public bool IsAuthenticated => Subject is not null || ClientId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>How audit entries and access logs name the caller.</summary>
    public string Name => Subject ?? ClientId ?? "anonymous";

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var roles = user.FindAll(PlatformClaims.Role).Concat(user.FindAll(ClaimTypes.Role)).Concat(user.FindAll("roles"))
            .Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = user.FindAll(PlatformClaims.Scope).Concat(user.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return new Caller(
            user.FindFirst(PlatformClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            roles,
            Guid.TryParse(user.FindFirst(PlatformClaims.Organisation)?.Value, out var org) ? org : null,
            Guid.TryParse(user.FindFirst(PlatformClaims.Member)?.Value, out var member) ? member : null,
            scopes,
            user.FindFirst(PlatformClaims.ClientId)?.Value ?? user.FindFirst("azp")?.Value);
    }
}
