using System.Text.Json.Nodes;
using Lishui.Deployment.Tests.Checks;
using Lishui.Deployment.Tests.Manifests;
using Lishui.Deployment.Tests.Platform;

namespace Lishui.Deployment.Tests;

/// <summary>
/// The checker is only worth something if it fails: each test changes one thing in one place, in a
/// rendered copy of the manifests or in what the code says, and expects the checker to say so.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DriftDetectionTests(PlatformFixture fixture)
{
    private const string Service = "membership";

    // The app host's project without a database or broker: no migrations, readiness without dependencies.
    private const string Portal = "portal";

    private PlatformModel Platform => fixture.Platform;

    [Fact]
    public void A_readiness_probe_path_changed_only_in_the_manifests_is_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Service)["readinessProbe"]!["httpGet"]!["path"] = "/ready";

        AssertFinding(Check(manifest), "Deployment/membership: readinessProbe path '/ready', which the service does not serve");
    }

    [Fact]
    public void A_liveness_probe_on_the_readiness_endpoint_is_reported()
    {
        var manifest = Prod();
        var readiness = Platform.Service(Service)!.Health.Readiness[0];
        MainContainer(manifest, Service)["livenessProbe"]!["httpGet"]!["path"] = readiness;

        AssertFinding(Check(manifest), $"livenessProbe path '{readiness}', which the service serves, but it is not a liveness endpoint");
    }

    [Fact]
    public void A_health_path_changed_only_in_the_code_is_reported()
    {
        var service = Platform.Service(Service)!;
        var platform = WithService(service with { Health = service.Health with { Readiness = ["/ready"] } });

        AssertFinding(Check(Prod(), platform), "Deployment/membership: readinessProbe path '/health', which the service does not serve");
    }

    [Fact]
    public void A_container_port_changed_only_in_the_manifests_is_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Service)["ports"]![0]!["containerPort"] = 8081;

        var findings = Check(manifest);

        AssertFinding(findings, $"Deployment/membership: no containerPort {Platform.Service(Service)!.Image.Port}");
        AssertFinding(findings, "Deployment/membership: readinessProbe port http resolves to 8081");
        AssertFinding(findings, "Service/membership: no port targets");
    }

    [Fact]
    public void A_service_target_port_changed_only_in_the_manifests_is_reported()
    {
        var manifest = Prod();
        manifest.Find("Service", Service)!.Spec!["ports"]![0]!["targetPort"] = 80;

        AssertFinding(Check(manifest), "Service/membership: no port targets");
    }

    [Fact]
    public async Task An_http_port_changed_only_in_the_project_is_reported()
    {
        // As if someone changed LishuiHttpPort in services/Directory.Build.props and nothing else:
        // the real MSBuild evaluation of the image, with the manifests as they are.
        var service = Platform.Service(Service)!;
        var image = (await ContainerImages.ReadAsync([service.ProjectPath], "LishuiHttpPort=8081")).Single().Value;
        Assert.Equal(8081, image.Port);

        var findings = Check(Prod(), WithService(service with { Image = image }));

        AssertFinding(findings, "Deployment/membership: no containerPort 8081");
        AssertFinding(findings, "readinessProbe port http resolves to 8080, but the service serves HTTP on 8081");
        AssertFinding(findings, "no NetworkPolicy lets requests in on 8081");
    }

    [Fact]
    public void A_misspelt_connection_string_variable_is_reported()
    {
        var manifest = Prod();
        var variable = Env(MainContainer(manifest, Service)).Single(e => e["name"]!.ToString() == "ConnectionStrings__membershipdb");
        variable["name"] = "ConnectionStrings__membershipDb";

        var findings = Check(manifest);

        AssertFinding(findings, "container membership: no ConnectionStrings__membershipdb, which membership reads");
        AssertFinding(findings, "ConnectionStrings__membershipDb is not a connection membership uses");
    }

    [Fact]
    public void A_service_given_another_services_database_is_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Service)["env"]!.AsArray().Add(new JsonObject { ["name"] = "ConnectionStrings__assessmentdb", ["value"] = "Host=lishui-pg-rw;Database=assessmentdb" });

        AssertFinding(Check(manifest), "ConnectionStrings__assessmentdb is not a connection membership uses");
    }

    [Fact]
    public void A_setting_the_services_do_not_read_is_reported()
    {
        var manifest = Prod();
        manifest.Find("ConfigMap", "membership-config")!.Node["data"]!["Messaging__Retry__Limit"] = "3";

        AssertFinding(Check(manifest), "environment variable Messaging__Retry__Limit is not read by membership");
    }

    [Fact]
    public void A_service_added_to_the_app_host_without_manifests_is_reported()
    {
        var template = Platform.Service(Service)!;
        var platform = Platform with { Services = [.. Platform.Services, template with { Name = "reports" }] };

        AssertFinding(Check(Prod(), platform), "reports: no Deployment named 'reports'");
    }

    [Fact]
    public void A_deployment_without_an_app_host_resource_is_reported()
    {
        var platform = Platform with { Services = Platform.Services.Where(s => s.Name != "pairing").ToList() };

        var findings = Check(Prod(), platform);

        AssertFinding(findings, "Deployment/pairing: no app host resource 'pairing'");
        AssertFinding(findings, "Database/pairingdb: no service uses the database 'pairingdb'");
    }

    [Fact]
    public void App_host_and_service_code_disagreeing_on_a_connection_is_reported()
    {
        var service = Platform.Service(Service)!;
        var platform = WithService(service with { AppHostConnections = [.. service.AppHostConnections.Where(c => c != "membershipdb"), "membersdb"] });

        AssertFinding(Check(Prod(), platform), "membership: the service reads ConnectionStrings:membershipdb but the app host does not reference 'membershipdb'");
    }

    [Fact]
    public void A_missing_network_policy_is_reported()
    {
        var manifest = Without(Prod(), "NetworkPolicy", Service);

        var findings = Check(manifest);

        AssertFinding(findings, "Deployment/membership: no NetworkPolicy lets requests in on 8080");
        AssertFinding(findings, "Deployment/membership: no NetworkPolicy lets it reach PostgreSQL (5432)");
    }

    [Fact]
    public void Missing_resource_limits_are_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Service)["resources"]!.AsObject().Remove("limits");

        AssertFinding(Check(manifest), "Deployment/membership container membership: no resources.limits.memory");
    }

    [Fact]
    public void A_writable_root_filesystem_is_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Service)["securityContext"]!["readOnlyRootFilesystem"] = false;

        AssertFinding(Check(manifest), "Deployment/membership container membership: root filesystem is not read-only");
    }

    [Fact]
    public void Migrations_with_other_arguments_than_the_app_hosts_are_reported()
    {
        var manifest = Prod();
        var job = manifest.OfKind("Job").Single(j => j.Labels["app.kubernetes.io/name"] == Service);
        job.PodSpec!["containers"]![0]!["args"] = new JsonArray("migrations");

        AssertFinding(Check(manifest), "args [migrations], the app host runs 'membership-migrations' with [migrate]");
    }

    [Fact]
    public void Pods_not_waiting_for_their_migrations_are_reported()
    {
        var manifest = Prod();
        foreach (var init in manifest.Find("Deployment", Service)!.PodSpec!["initContainers"]!.AsArray())
        {
            init!["args"]![3] = "job/membership-migrations-0.9.0";
        }

        AssertFinding(Check(manifest), "no init container waits for job/membership-migrations-1.0.0 to complete");
    }

    [Fact]
    public void A_migrations_job_not_named_for_the_release_is_reported()
    {
        var manifest = Prod();
        var job = manifest.OfKind("Job").Single(j => j.Labels["app.kubernetes.io/name"] == Service);
        job.Node["metadata"]!["name"] = "membership-migrations";

        AssertFinding(Check(manifest), "expected the name membership-migrations-1.0.0");
    }

    [Fact]
    public void A_database_the_app_host_never_migrates_is_reported()
    {
        var platform = WithService(Platform.Service(Service)! with { Migrations = null });

        var findings = Check(Prod(), platform);

        AssertFinding(findings, "membership: the service reads ConnectionStrings:membershipdb but the app host has no migrations resource for it");
        AssertFinding(findings, "Job/membership-migrations-1.0.0: the app host has no migrations resource for membership");
        AssertFinding(findings, "Deployment/membership: init container wait-for-migrations waits for a Job, but the app host has no migrations resource for membership");
    }

    [Fact]
    public void A_migrations_job_for_a_service_without_a_database_is_reported()
    {
        var manifest = Prod();
        var job = (JsonObject)manifest.OfKind("Job").Single(j => j.Labels["app.kubernetes.io/name"] == Service).Node.DeepClone();
        job["metadata"]!["name"] = "portal-migrations-1.0.0";
        job["metadata"]!["labels"]!["app.kubernetes.io/name"] = Portal;
        manifest = new Manifest(manifest.Name, [.. manifest.Objects, new K8sObject(job)]);

        AssertFinding(Check(manifest), "Job/portal-migrations-1.0.0: the app host has no migrations resource for portal");
    }

    [Fact]
    public void A_service_without_dependencies_probed_for_readiness_on_its_liveness_endpoint_is_reported()
    {
        Assert.Empty(Platform.Service(Portal)!.CodeConnections);
        var manifest = Prod();
        MainContainer(manifest, Portal)["readinessProbe"]!["httpGet"]!["path"] = "/alive";

        AssertFinding(Check(manifest), "Deployment/portal: readinessProbe path '/alive', which the service serves, but it is not a readiness endpoint");
    }

    [Fact]
    public void A_connection_string_given_to_a_service_without_dependencies_is_reported()
    {
        var manifest = Prod();
        MainContainer(manifest, Portal)["env"]!.AsArray().Add(new JsonObject { ["name"] = "ConnectionStrings__messaging", ["value"] = "amqp://lishui-rabbitmq:5672/lishui" });

        AssertFinding(Check(manifest), "ConnectionStrings__messaging is not a connection portal uses");
    }

    [Fact]
    public void A_call_between_services_the_callee_does_not_let_in_is_reported()
    {
        var manifest = Prod();
        var ingress = manifest.Find("NetworkPolicy", "assessment")!.Spec!["ingress"]!.AsArray();
        ingress.Remove(ingress.Single(rule => rule!["from"]![0]!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]?.ToString() == Portal));

        AssertFinding(Check(manifest), "Deployment/portal: its NetworkPolicy lets it call assessment on 8080, but no NetworkPolicy of Deployment/assessment lets its pods in");
    }

    [Fact]
    public void A_call_between_services_the_caller_may_not_make_is_reported()
    {
        var manifest = Prod();
        var egress = manifest.Find("NetworkPolicy", Portal)!.Spec!["egress"]!.AsArray();
        egress.Remove(egress.Single(rule => rule!["to"]![0]!["podSelector"]?["matchExpressions"] is not null));

        AssertFinding(Check(manifest), "Deployment/pairing: its NetworkPolicy lets portal's pods in on 8080, but no NetworkPolicy of Deployment/portal lets them out to it");
    }

    [Fact]
    public void A_dapr_component_scoped_to_an_app_without_a_sidecar_is_reported()
    {
        var manifest = Prod();
        manifest.Find("Component", "notification-sms")!.Node["scopes"] = new JsonArray("membership");

        AssertFinding(Check(manifest), "Component/notification-sms: scoped to 'membership', which runs no Dapr sidecar");
    }

    [Fact]
    public void Production_without_autoscaling_minimum_or_disruption_budget_is_reported()
    {
        var manifest = Without(Prod(), "PodDisruptionBudget", Service);
        manifest.Find("HorizontalPodAutoscaler", Service)!.Spec!["minReplicas"] = 1;

        var findings = Check(manifest);

        AssertFinding(findings, "Deployment/membership: at least 2 replicas expected");
        AssertFinding(findings, "Deployment/membership: no PodDisruptionBudget");
    }

    [Fact]
    public void Production_without_the_portals_autoscaler_and_spread_is_reported()
    {
        var manifest = Without(Prod(), "HorizontalPodAutoscaler", Portal);
        manifest.Find("Deployment", Portal)!.PodSpec!.AsObject().Remove("affinity");

        var findings = Check(manifest);

        AssertFinding(findings, "Deployment/portal: no HorizontalPodAutoscaler");
        AssertFinding(findings, "Deployment/portal: no pod anti-affinity");
    }

    [Fact]
    public void Production_without_backups_is_reported()
    {
        var manifest = Without(Prod(), "ScheduledBackup", "lishui-pg-nightly");

        AssertFinding(Check(manifest), "Cluster/lishui-pg: no ScheduledBackup");
    }

    [Fact]
    public void An_object_outside_the_platforms_namespace_is_reported()
    {
        var manifest = Prod();
        manifest.Find("HorizontalPodAutoscaler", Service)!.Node["metadata"]!.AsObject().Remove("namespace");

        AssertFinding(Check(manifest), "HorizontalPodAutoscaler/membership: in namespace '(none: kubectl's current one)', not 'lishui'");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Manifest Prod() => fixture.Render("prod");

    private IReadOnlyList<string> Check(Manifest manifest, PlatformModel? platform = null) =>
        new ManifestChecker(platform ?? Platform, manifest, OverlayProfile.HighAvailability).Check();

    private PlatformModel WithService(ServiceModel changed) =>
        Platform with { Services = Platform.Services.Select(s => s.Name == changed.Name ? changed : s).ToList() };

    private static Manifest Without(Manifest manifest, string kind, string name) =>
        new(manifest.Name, manifest.Objects.Where(o => !(o.Kind == kind && o.Name == name)).ToList());

    private static JsonNode MainContainer(Manifest manifest, string service) =>
        manifest.Find("Deployment", service)!.PodSpec!["containers"]!.AsArray().Single(c => c!["name"]!.ToString() == service)!;

    private static IEnumerable<JsonNode> Env(JsonNode container) => container["env"]!.AsArray().OfType<JsonNode>();

    private static void AssertFinding(IReadOnlyList<string> findings, string expected) =>
        Assert.True(findings.Any(f => f.Contains(expected, StringComparison.Ordinal)),
            $"Expected a finding containing \"{expected}\"; the checker said:\n  " + (findings.Count == 0 ? "(nothing)" : string.Join("\n  ", findings)));
}
