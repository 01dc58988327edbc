using Lishui.Deployment.Tests.Checks;

namespace Lishui.Deployment.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ManifestConsistencyTests(PlatformFixture fixture)
{
    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_deploys_what_the_app_host_composes_on_the_ports_paths_and_settings_the_services_use(string overlay)
    {
        var findings = new ManifestChecker(fixture.Platform, fixture.Render(overlay), ManifestChecker.ProfileOf(overlay)).Check();

        Assert.True(findings.Count == 0, $"deploy/k8s/overlays/{overlay} disagrees with the code:\n  " + string.Join("\n  ", findings));
    }

    [Fact]
    public void Every_service_of_the_app_host_has_health_endpoints_an_image_and_migrations_if_it_has_a_database()
    {
        Assert.NotEmpty(fixture.Platform.Services);
        Assert.Contains(fixture.Platform.Services, service => service.Migrations is not null);
        Assert.All(fixture.Platform.Services, service =>
        {
            var hasDatabase = service.CodeConnections.Any(c => c != fixture.Platform.BrokerConnectionName);
            Assert.True(hasDatabase == service.Migrations is not null,
                $"{service.Name}: reads a database: {hasDatabase}; the app host migrates it: {service.Migrations is not null}");
            Assert.NotEmpty(service.Health.Readiness);
            Assert.NotEmpty(service.Health.Liveness);
            Assert.Empty(service.Health.Readiness.Intersect(service.Health.Liveness));
            Assert.False(string.IsNullOrEmpty(service.Image.Repository), $"{service.ProjectName} has no ContainerRepository");
        });
    }

    [Fact]
    public void Overlays_are_dev_and_prod()
    {
        Assert.Contains("dev", Repository.Overlays);
        Assert.Contains("prod", Repository.Overlays);
    }
}
