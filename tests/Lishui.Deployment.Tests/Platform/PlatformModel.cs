namespace Lishui.Deployment.Tests.Platform;

/// <summary>
/// What the manifests must agree with, read from the code rather than written down again: the app
/// host's resources, the configuration the services read, the health endpoints they serve and the
/// container images the SDK builds for them.
/// </summary>
public sealed record PlatformModel(
    IReadOnlyList<ServiceModel> Services,
    string BrokerConnectionName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OptionSections)
{
    public ServiceModel? Service(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// <summary>Environment variable names for the settings every service may read (options bound from configuration).</summary>
    public IEnumerable<string> OptionVariables =>
        OptionSections.SelectMany(s => s.Value.Select(p => $"{s.Key}:{p}".Replace(":", "__", StringComparison.Ordinal)));
}

/// <param name="Name">The app host resource name; also the Deployment, Service and container name.</param>
/// <param name="AppHostConnections">Connection names the app host references (ConnectionStrings__X).</param>
/// <param name="CodeConnections">Connection names the service's code reads (its DbContext's and the broker's).</param>
public sealed record ServiceModel(
    string Name,
    string ProjectPath,
    IReadOnlyList<string> AppHostConnections,
    IReadOnlyList<string> CodeConnections,
    MigrationsModel? Migrations,
    ContainerImage Image,
    HealthEndpoints Health)
{
    public string ProjectName => Path.GetFileNameWithoutExtension(ProjectPath);
}

/// <summary>The app host's one-shot resource that migrates the service's database before it starts.</summary>
public sealed record MigrationsModel(string Name, IReadOnlyList<string> Args, IReadOnlyList<string> Connections);

/// <summary>The container image the .NET SDK builds for a service (dotnet publish -t:PublishContainer).</summary>
public sealed record ContainerImage(string Repository, int Port, string User, string AppCommandInstruction);

/// <summary>
/// The service's health endpoints, classified by what they answer while the database and the broker
/// are unreachable: readiness endpoints fail (they check the dependencies), liveness endpoints still
/// answer 200 (a restart would not help).
/// </summary>
public sealed record HealthEndpoints(IReadOnlyList<string> Readiness, IReadOnlyList<string> Liveness)
{
    public IEnumerable<string> All => Readiness.Concat(Liveness);
}
