namespace Lishui.Deployment.Tests.Platform;

public static class PlatformModelReader
{
    /// <summary>App host resources for local runs only, never deployed: the development OpenID provider.</summary>
    public static readonly IReadOnlySet<string> LocalOnly = new HashSet<string> { "identity" };

    /// <summary>Reads the app host, then the services' code, health endpoints and images, in parallel.</summary>
    public static async Task<PlatformModel> ReadAsync()
    {
        var projects = await AppHostModel.ReadAsync();
        var roots = projects.Where(p => p.Parent is null && !LocalOnly.Contains(p.Name)).ToList();
        var images = ContainerImages.ReadAsync(roots.Select(p => p.ProjectPath));
        var services = await Task.WhenAll(roots.Select(async service =>
        {
            var assembly = ServiceCode.Load(service.ProjectPath);
            var codeConnections = ServiceCode.ConnectionNames(assembly);
            var migrations = projects.SingleOrDefault(p => p.Parent == service.Name) is { } m
                ? new MigrationsModel(m.Name, m.Args, m.Connections)
                : null;
            var health = await HealthProbe.ProbeAsync(assembly, codeConnections.Union(service.Connections));
            return new ServiceModel(service.Name, service.ProjectPath, service.Connections, codeConnections, migrations, (await images)[Path.GetFullPath(service.ProjectPath)], health);
        }));

        return new PlatformModel(services, ServiceCode.BrokerConnectionName, ServiceCode.OptionSections());
    }
}
