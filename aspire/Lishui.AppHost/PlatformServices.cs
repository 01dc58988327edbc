namespace Lishui.AppHost;

public static class PlatformServices
{
    private const string HealthPath = "/health";

    // The services carry no launch profile: they run in the app host's environment
    // (Development under the "http" profile, so problem responses include details).
    private const string Environment = "DOTNET_ENVIRONMENT";

    /// <summary>
    /// A service and, before it, the same executable run as <c>&lt;service&gt; migrate</c>: it applies
    /// the EF Core migrations and exits, so the API itself never migrates.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<IResourceWithConnectionString> database)
        where TProject : IProjectMetadata, new()
    {
        // No launch profile and no Kestrel endpoints: a one-shot process that serves nothing.
        var migrations = builder.AddProject<TProject>($"{name}-migrations", o =>
            {
                o.ExcludeLaunchProfile = true;
                o.ExcludeKestrelEndpoints = true;
            })
            .WithArgs("migrate")
            .WithEnvironment(Environment, builder.Environment.EnvironmentName)
            .WithReference(database).WaitFor(database);

        var service = builder.AddProject<TProject>(name)
            .WithEnvironment(Environment, builder.Environment.EnvironmentName)
            .WithDevelopmentTokens(builder)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(database).WaitFor(database)
            .WaitForCompletion(migrations);
        migrations.WithParentRelationship(service);

        // Without a launch profile there is no endpoint: add one unless the service declares its own.
        if (!service.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
        {
            service.WithHttpEndpoint();
        }

        return service.WithHttpHealthCheck(HealthPath);
    }

    /// <summary>
    /// Local runs accept bearer tokens signed with a development key made on first start and kept in
    /// the state folder (<c>local-keys.json</c>, never in the repository); <c>deploy/local/dev-token.py</c>
    /// and the demo seed sign with it. Production ignores this: it needs the town's identity provider.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithDevelopmentTokens(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder)
    {
        const string bearer = "Authentication__Schemes__Bearer__";
        return service
            .WithEnvironment(bearer + "ValidIssuer", DevelopmentTokens.Issuer)
            .WithEnvironment(bearer + "ValidAudiences__0", DevelopmentTokens.Audience)
            .WithEnvironment(bearer + "SigningKeys__0__Issuer", DevelopmentTokens.Issuer)
            .WithEnvironment(bearer + "SigningKeys__0__Value", LocalKeys.Get(builder, DevelopmentTokens.KeyName));
    }
}

/// <summary>The development token issuer's names, shared with dev-token.py, the seed and the end-to-end tests.</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "lishui-local-dev";
    public const string Audience = "lishui-platform";

    /// <summary>The key's name in <c>local-keys.json</c>.</summary>
    public const string KeyName = "Authentication.SigningKey";
}
