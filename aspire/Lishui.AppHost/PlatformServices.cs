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
}
