namespace Lishui.AppHost;

/// <summary>
/// The development OpenID Connect provider (aspire/Lishui.DevIdentity) and what the services and the
/// portal need to use it: the services accept its tokens beside the development key, validating them
/// from its metadata as they would the town's provider; the portal signs people in with it.
/// </summary>
public static class DevIdentity
{
    public const string ResourceName = "identity";
    public const string PortalClientId = "lishui-portal-web";

    public static IResourceBuilder<ProjectResource> AddDevIdentity(
        this IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithConnectionString> database)
    {
        var identity = builder.AddProject<Projects.Lishui_DevIdentity>(ResourceName)
            .WithBuiltAssembly()
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            // Its keys and the demo accounts the seed writes live in the app host's state folder.
            .WithEnvironment("DevIdentity__StateDir", Path.GetFullPath(builder.Configuration["Infra:StateDir"] ?? Path.Combine(builder.AppHostDirectory, ".infra")))
            .WithEnvironment("DevIdentity__PortalClientSecret", LocalKeys.Get(builder, "DevIdentity.PortalClientSecret"))
            .WithReference(database).WaitFor(database)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
        foreach (var setting in new[] { "AccessTokenLifetime", "RefreshTokenLifetime", "DemoPassword" })
        {
            if (builder.Configuration[$"DevIdentity:{setting}"] is { Length: > 0 } value)
            {
                identity.WithEnvironment($"DevIdentity__{setting}", value);
            }
        }

        return identity;
    }

    /// <summary>
    /// A service accepts the provider's tokens (its signing keys from its metadata), besides the
    /// development key. It reads the metadata at the first such token, so it need not wait for the provider.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevIdentity(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity) =>
        service
            .WithEnvironment("Authentication__Schemes__Bearer__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Authentication__Schemes__Bearer__RequireHttpsMetadata", "false");

    /// <summary>The portal signs people in at the provider (authorization code + PKCE) as the confidential client.</summary>
    public static IResourceBuilder<ProjectResource> WithDevIdentitySignIn(this IResourceBuilder<ProjectResource> portal, IResourceBuilder<ProjectResource> identity)
    {
        identity.WithEnvironment("DevIdentity__PortalUrl", portal.GetEndpoint("http"));
        return portal
            .WithEnvironment("Portal__Identity__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Portal__Identity__ClientId", PortalClientId)
            .WithEnvironment("Portal__Identity__ClientSecret", LocalKeys.Get(portal.ApplicationBuilder, "DevIdentity.PortalClientSecret"))
            .WithEnvironment("Portal__Identity__RequireHttpsMetadata", "false")
            .WaitFor(identity);
    }
}
