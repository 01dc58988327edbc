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
            .WithMigrationsSkippedWhenApplied(database)
            .WithEnvironment(Environment, builder.Environment.EnvironmentName)
            .WithReference(database).WaitFor(database);

        // Started once RabbitMQ is up, not beside it: on two cores the broker's boot took 36 s instead
        // of 8 s with five services compiling beside it, and the warm start went from 27 s to 64 s.
        var service = builder.AddProject<TProject>(name)
            .WithBuiltAssembly()
            .WithEnvironment(Environment, builder.Environment.EnvironmentName)
            .WithDevelopmentTokens(builder)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(database).WaitFor(database)
            .WaitForCompletion(migrations);
        migrations.WithParentRelationship(service);

        return service.WithServedHttp();
    }

    /// <summary>
    /// The portal: no database, no broker; it calls the services by name, so it starts once they are
    /// healthy (started beside them, it made the warm start no faster in the runs measured).
    /// It signs its own calls with the development key, as the services' callers do locally.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPortal(
        this IDistributedApplicationBuilder builder, params IResourceBuilder<ProjectResource>[] services)
    {
        var portal = builder.AddProject<Projects.Lishui_Portal>("portal")
            .WithBuiltAssembly()
            .WithEnvironment(Environment, builder.Environment.EnvironmentName)
            .WithDevelopmentTokens(builder);
        foreach (var service in services)
        {
            portal.WithReference(service).WaitFor(service);
        }

        // No proxy in front: the provider sends a sign-in back to the address the portal was registered
        // with, and that must be the one people open (the one up.sh prints), not a second port.
        return portal.WithHttpEndpoint(isProxied: false).WithServedHttp();
    }

    /// <summary>Without a launch profile there is no endpoint: add one unless the project declares its own; healthy when /health says so.</summary>
    private static IResourceBuilder<ProjectResource> WithServedHttp(this IResourceBuilder<ProjectResource> project)
    {
        if (!project.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
        {
            project.WithHttpEndpoint();
        }

        return project.WithHttpHealthCheck(HealthPath);
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
