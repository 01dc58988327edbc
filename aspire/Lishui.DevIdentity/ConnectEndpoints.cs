using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lishui.DevIdentity;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands to the application: who signs in (the login cookie),
/// and which claims their tokens carry. The claim names are the platform's (role, lishui_org,
/// lishui_member), as the town's provider maps its own.
/// </summary>
public static class ConnectEndpoints
{
    /// <summary>The audience the services require.</summary>
    public const string PlatformAudience = "lishui-platform";

    private const string OrganisationClaim = "lishui_org";
    private const string MemberClaim = "lishui_member";

    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext http, DemoAccounts accounts) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var login = await http.AuthenticateAsync(DevIdentityModule.LoginScheme);
            var account = login.Succeeded ? accounts.Find(login.Principal?.FindFirstValue(Claims.Subject)) : null;
            if (account is null || request.HasPromptValue(PromptValues.Login))
            {
                if (request.HasPromptValue(PromptValues.None))
                {
                    return Forbid(Errors.LoginRequired, "用户未登录。");
                }

                // Back here after the login page, without prompt=login (or it would ask again and again).
                var back = http.Request.PathBase + http.Request.Path + QueryString.Create(
                    http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query.Where(q => q.Key != Parameters.Prompt)]);
                return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [DevIdentityModule.LoginScheme]);
            }

            return Results.SignIn(Principal(account, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapPost("/connect/token", async (HttpContext http, DemoAccounts accounts) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            {
                return Forbid(Errors.UnsupportedGrantType, "不支持的授权类型。");
            }

            // The code or refresh token was checked by OpenIddict; the account is read again, so a
            // refreshed token carries what the account says now.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (accounts.Find(granted.Principal?.GetClaim(Claims.Subject)) is not { } account)
            {
                return Forbid(Errors.InvalidGrant, "账号已不存在。");
            }

            return Results.SignIn(Principal(account, granted.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("/connect/logout", ["GET", "POST"], async (HttpContext http) =>
        {
            await http.SignOutAsync(DevIdentityModule.LoginScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        app.MapMethods("/connect/userinfo", ["GET", "POST"], async (HttpContext http, DemoAccounts accounts) =>
        {
            var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (accounts.Find(token.Principal?.GetClaim(Claims.Subject)) is not { } account)
            {
                return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            return Results.Ok(new Dictionary<string, object?>
            {
                [Claims.Subject] = account.UserName,
                [Claims.Name] = account.DisplayName,
                [Claims.Role] = account.Role,
                [OrganisationClaim] = account.OrganisationId,
                [MemberClaim] = account.MemberId,
            });
        });
    }

    public static ClaimsPrincipal Principal(DemoAccount account, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.UserName)
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.Role, account.Role);
        if (account.OrganisationId is { } org)
        {
            identity.SetClaim(OrganisationClaim, org.ToString());
        }

        if (account.MemberId is { } member)
        {
            identity.SetClaim(MemberClaim, member.ToString());
        }

        identity.SetScopes(scopes);
        identity.SetResources(PlatformAudience);
        // The portal reads name, role and organisation from the identity token for its menus.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
