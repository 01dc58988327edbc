using System.Security.Claims;
using System.Security.Cryptography;
using Lishui.Shared.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lishui.Testing;

/// <summary>
/// Tokens for tests, signed with a key made at random for this test run (the same mechanism as
/// <c>dotnet user-jwts</c>: a symmetric key in <c>Authentication:Schemes:Bearer:SigningKeys</c>, accepted
/// outside production only). <see cref="Settings"/> goes into a service's configuration.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "lishui-tests";
    public const string Audience = "lishui-platform";

    public static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new($"{PlatformSecurity.BearerSection}:ValidIssuer", Issuer),
        new($"{PlatformSecurity.BearerSection}:ValidAudiences:0", Audience),
        new($"{PlatformSecurity.BearerSection}:SigningKeys:0:Issuer", Issuer),
        new($"{PlatformSecurity.BearerSection}:SigningKeys:0:Value", Key),
    ];

    /// <summary>Sends <paramref name="token"/> as the client's bearer token from now on; none when null.</summary>
    public static HttpClient WithToken(this HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string TownAdministrator(string subject = "town-admin") => For(subject, [PlatformRoles.TownAdministrator]);

    public static string Secretary(Guid organisationId, string subject = "secretary") =>
        For(subject, [PlatformRoles.OrganisationSecretary], organisationId: organisationId);

    public static string Member(Guid memberId, string subject = "member") => For(subject, [PlatformRoles.Member], memberId: memberId);

    public static string Auditor(string subject = "auditor") => For(subject, [PlatformRoles.Auditor]);

    public static string ExternalSystem(string subject = "external-system") => For(subject, [PlatformRoles.ExternalSystem]);

    public static string Service(string clientId, string scope, string? key = null, string issuer = Issuer, string? audience = Audience) =>
        Create([new Claim(PlatformClaims.ClientId, clientId), new Claim(PlatformClaims.Scope, scope)], audience, key, issuer: issuer);

    public static string For(string subject, IEnumerable<string> roles, Guid? organisationId = null, Guid? memberId = null,
        string? audience = Audience, string? key = null, DateTimeOffset? expires = null, string issuer = Issuer)
    {
        var claims = new List<Claim> { new(PlatformClaims.Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(PlatformClaims.Role, r)));
        if (organisationId is { } org)
        {
            claims.Add(new Claim(PlatformClaims.Organisation, org.ToString()));
        }

        if (memberId is { } member)
        {
            claims.Add(new Claim(PlatformClaims.Member, member.ToString()));
        }

        return Create(claims, audience, key, expires, issuer);
    }

    private static string Create(IEnumerable<Claim> claims, string? audience = Audience, string? key = null, DateTimeOffset? expires = null, string issuer = Issuer)
    {
        var until = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddHours(-2).UtcDateTime,
            NotBefore = until.AddHours(-2).UtcDateTime,
            Expires = until.UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? Key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
