using Microsoft.Extensions.Configuration;

namespace Lishui.AppHost.Infrastructure;

/// <summary>The broker and the databases, whichever <see cref="InfraMode"/> provides them.</summary>
/// <param name="Databases">By name: resource name, connection name and database name are the same.</param>
/// <param name="BrokerManagement">The broker's management HTTP API with credentials (Notification creates
/// subscribers' RabbitMQ users through it); null when the app host does not run the broker.</param>
public sealed record PlatformInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    ReferenceExpression? BrokerManagement = null);

public static class PlatformInfrastructureExtensions
{
    private const string MessagingName = "messaging";
    private const string PostgresName = "postgres";

    public static PlatformInfrastructure AddPlatformInfrastructure(
        this IDistributedApplicationBuilder builder, InfraMode mode, IReadOnlyList<string> databases) => mode switch
    {
        InfraMode.Containers => builder.AddContainers(databases),
        InfraMode.Executables => builder.AddExecutables(databases),
        InfraMode.External => builder.AddExternal(databases),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static PlatformInfrastructure AddContainers(this IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        // After WithManagementPlugin, which accepts only Aspire's own image name.
        var images = InfraImages.From(builder.Configuration);
        var rabbit = builder.AddRabbitMQ(MessagingName).WithManagementPlugin().WithImageReference(images.RabbitMq);
        var postgres = builder.AddPostgres(PostgresName).WithImageReference(images.Postgres);
        Console.WriteLine($"Infra:Images: {images.RabbitMq}, {images.Postgres}");
        if (builder.Configuration.GetValue("Infra:DataVolumes", false))
        {
            rabbit.WithDataVolume();
            postgres.WithDataVolume();
        }

        var management = rabbit.GetEndpoint("management");
        return new(
            rabbit,
            databases.ToDictionary(name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name)),
            ReferenceExpression.Create($"http://{rabbit.Resource.UserNameReference}:{rabbit.Resource.PasswordParameter}@{management.Property(EndpointProperty.HostAndPort)}/"));
    }

    private static IResourceBuilder<T> WithImageReference<T>(this IResourceBuilder<T> resource, string reference)
        where T : ContainerResource
    {
        var (registry, image, tag) = InfraImages.Split(reference);
        return resource.WithImage(image, tag).WithImageRegistry(registry);
    }

    private static PlatformInfrastructure AddExecutables(this IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        // A fixed folder (git-ignored) so demo data survives app host restarts.
        var stateDir = Path.GetFullPath(builder.Configuration["Infra:StateDir"] ?? Path.Combine(builder.AppHostDirectory, ".infra"));
        var management = builder.Configuration.GetValue("Infra:RabbitMq:Management", true);
        Console.WriteLine($"Infra:StateDir={stateDir} (RabbitMQ management UI: {(management ? "on" : "off")})");

        var postgres = builder.AddLocalPostgres(PostgresName, Path.Combine(stateDir, "postgres"));
        var rabbit = builder.AddLocalRabbitMq(MessagingName, Path.Combine(stateDir, "rabbitmq"), management);
        var api = management
            ? ReferenceExpression.Create($"http://guest:guest@localhost:{rabbit.GetEndpoint("management").Property(EndpointProperty.Port)}/")
            : null;
        return new(rabbit, databases.ToDictionary(name => name, postgres.AddLocalDatabase), api);
    }

    private static PlatformInfrastructure AddExternal(this IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        var missing = databases.Prepend(MessagingName)
            .Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InfraSetupException(
                $"Infra:Mode=external needs these connection strings: {string.Join(", ", missing.Select(n => $"ConnectionStrings:{n}"))} " +
                "(e.g. environment variables ConnectionStrings__messaging=amqp://user:password@host:5672, ConnectionStrings__membershipdb=\"Host=...;Database=membershipdb;...\").");
        }

        return new(builder.AddConnectionString(MessagingName), databases.ToDictionary(name => name, name => builder.AddConnectionString(name)));
    }
}
