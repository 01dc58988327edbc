using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lishui.DevIdentity;

/// <summary>
/// Creates the provider's tables (a development tool: no migrations) and registers the portal as a
/// confidential client with the callback addresses of this run (the app host allocates the portal's port).
/// </summary>
public sealed class ClientRegistration(IServiceProvider services, IConfiguration config) : IHostedService
{
    public const string PortalClientId = "lishui-portal-web";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);

        var portal = config["DevIdentity:PortalUrl"];
        var secret = config["DevIdentity:PortalClientSecret"];
        if (string.IsNullOrWhiteSpace(portal) || string.IsNullOrWhiteSpace(secret))
        {
            return; // no portal in this composition
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "里水镇党建星期二门户",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var url in portal.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            descriptor.RedirectUris.Add(new Uri(url.TrimEnd('/') + "/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(url.TrimEnd('/') + "/signout-callback-oidc"));
        }

        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await apps.FindByClientIdAsync(PortalClientId, cancellationToken) is { } existing)
        {
            await apps.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await apps.CreateAsync(descriptor, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
