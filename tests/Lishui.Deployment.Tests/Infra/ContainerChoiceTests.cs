using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Lishui.AppHost.Infrastructure;

namespace Lishui.Deployment.Tests.Infra;

/// <summary>
/// When "auto" may use containers (the app host's Infra:Mode, Lishui.Testing's Testcontainers path):
/// only with an engine that answers and images that are present or whose registry answers.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ContainerChoiceTests
{
    private static readonly string[] Images = ["localhost:5000/lishui/rabbitmq:3.10-management", "postgres:15"];

    [Fact]
    public void Without_an_engine_containers_are_not_used_and_nothing_else_is_asked()
    {
        var choice = ContainerChoice.Decide(null, Images, (_, _) => throw new InvalidOperationException("asked"), _ => throw new InvalidOperationException("asked"));

        Assert.False(choice.UseContainers);
        Assert.Contains("no container engine answered", choice.Reason);
    }

    [Fact]
    public void An_engine_without_the_images_and_no_registry_is_not_enough()
    {
        var asked = new List<string>();
        var choice = ContainerChoice.Decide("podman", Images,
            (_, image) => image.StartsWith("localhost", StringComparison.Ordinal),
            registry => { asked.Add(registry); return false; });

        Assert.False(choice.UseContainers);
        Assert.Equal("podman", choice.Runtime);
        Assert.Contains("postgres:15 is not present locally", choice.Reason);
        Assert.Equal(["https://registry-1.docker.io/v2/"], asked);
    }

    [Fact]
    public void Images_present_locally_are_enough_and_no_registry_is_asked()
    {
        var choice = ContainerChoice.Decide("podman", Images, (cli, _) => cli == "podman", _ => throw new InvalidOperationException("asked"));

        Assert.True(choice.UseContainers);
        Assert.Contains("present locally", choice.Reason);
    }

    [Fact]
    public void A_missing_image_whose_registry_answers_is_pulled()
    {
        var choice = ContainerChoice.Decide("docker", Images, (_, image) => image != "postgres:15", _ => true);

        Assert.True(choice.UseContainers);
        Assert.Contains("postgres:15 will be pulled", choice.Reason);
    }

    [Theory]
    [InlineData("postgres:15", "https://registry-1.docker.io/v2/")]
    [InlineData("library/rabbitmq:4.3-management", "https://registry-1.docker.io/v2/")]
    [InlineData("docker.io/library/postgres:18.3", "https://registry-1.docker.io/v2/")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", "https://mcr.microsoft.com/v2/")]
    [InlineData("localhost:5000/lishui/postgres:15", "http://localhost:5000/v2/")]
    [InlineData("127.0.0.1:5000/lishui/postgres:15", "http://127.0.0.1:5000/v2/")]
    public void The_registry_is_read_from_the_image_name_as_docker_does(string image, string registry) =>
        Assert.Equal(registry, ImageReference.RegistryUrl(image));

    [Theory]
    [InlineData("localhost:5000/lishui/postgres:15", "localhost:5000", "lishui/postgres", "15")]
    [InlineData("docker.io/library/rabbitmq:4.3-management", "docker.io", "library/rabbitmq", "4.3-management")]
    [InlineData("postgres", null, "postgres", "latest")]
    public void An_image_reference_splits_into_registry_name_and_tag(string reference, string? registry, string image, string tag) =>
        Assert.Equal((registry, image, tag), InfraImages.Split(reference));

    [Fact]
    public void The_default_images_are_the_ones_Aspire_itself_would_run()
    {
        var builder = DistributedApplication.CreateBuilder();
        var rabbit = builder.AddRabbitMQ("messaging").WithManagementPlugin().Resource;
        var postgres = builder.AddPostgres("postgres").Resource;

        Assert.Equal(InfraImages.DefaultRabbitMq, Reference(rabbit));
        Assert.Equal(InfraImages.DefaultPostgres, Reference(postgres));
    }

    [Fact]
    public void Up_sh_checks_for_the_images_the_app_host_runs()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "local", "containers.sh"));

        Assert.Contains($"LISHUI_APPHOST_RABBITMQ_IMAGE_DEFAULT={InfraImages.DefaultRabbitMq} ", script);
        Assert.Contains($"LISHUI_APPHOST_POSTGRES_IMAGE_DEFAULT={InfraImages.DefaultPostgres} ", script);
    }

    [Fact]
    public async Task The_app_host_runs_the_configured_images_in_containers_mode()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Lishui_AppHost>(
            ["--Infra:Mode=containers", "--Infra:Images:RabbitMq=localhost:5000/lishui/rabbitmq:3.10-management", "--Infra:Images:Postgres=localhost:5000/lishui/postgres:15"]);

        Assert.Equal("localhost:5000/lishui/rabbitmq:3.10-management", Reference(builder.Resources.Single(r => r.Name == "messaging")));
        Assert.Equal("localhost:5000/lishui/postgres:15", Reference(builder.Resources.Single(r => r.Name == "postgres")));
    }

    private static string Reference(IResource resource)
    {
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().Single();
        return $"{image.Registry}/{image.Image}:{image.Tag}";
    }
}
