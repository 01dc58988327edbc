using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lishui.Deployment.Tests.Manifests;
using Lishui.Deployment.Tests.Platform;

namespace Lishui.Deployment.Tests.Checks;

/// <summary>What an overlay must provide beyond the basics.</summary>
public enum OverlayProfile
{
    /// <summary>One replica of everything (a developer's cluster).</summary>
    SingleReplica,

    /// <summary>Two or more replicas, autoscaling, disruption budgets, spread, a replicated broker and database with backups.</summary>
    HighAvailability,
}

/// <summary>
/// Compares a rendered overlay with the platform as the code defines it, and lists every
/// disagreement (a "finding") in words a person can act on. No findings: the manifests deploy what
/// the app host composes, on the ports, paths and settings the services really use.
/// </summary>
public sealed partial class ManifestChecker(PlatformModel platform, Manifest manifest, OverlayProfile profile)
{
    // Also the standard authentication section (Authentication:Schemes:Bearer, read by JwtBearer) and the
    // service identity's client credentials (Security:ServiceClient, read by ServiceTokenHandler).
    private static readonly string[] StandardPrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_", "Logging__", "Authentication__Schemes__Bearer__", "Security__ServiceClient__"];
    private static readonly HashSet<string> ClusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass", "PriorityClass", "StorageClass"];
    private const string ConnectionStringPrefix = "ConnectionStrings__";
    private const string PostgresPort = "5432";
    private const string AmqpPort = "5672";

    private readonly List<string> findings = [];

    public static OverlayProfile ProfileOf(string overlay) => overlay == "prod" ? OverlayProfile.HighAvailability : OverlayProfile.SingleReplica;

    public IReadOnlyList<string> Check()
    {
        findings.Clear();
        foreach (var service in platform.Services)
        {
            CheckAgreementOfCodeAndAppHost(service);
            CheckService(service);
        }

        CheckCallsBetweenServices();
        CheckNothingExtra();
        CheckNamespace();
        CheckLabels();
        CheckDapr();
        if (profile == OverlayProfile.HighAvailability)
        {
            CheckHighAvailability();
        }

        return findings.ToList();
    }

    private void Finding(string text) => findings.Add(text);

    // ---- the app host and the services' code ----------------------------------------------------

    private void CheckAgreementOfCodeAndAppHost(ServiceModel service)
    {
        foreach (var missing in service.CodeConnections.Except(service.AppHostConnections))
        {
            Finding($"{service.Name}: the service reads ConnectionStrings:{missing} but the app host does not reference '{missing}'");
        }

        foreach (var extra in service.AppHostConnections.Except(service.CodeConnections))
        {
            Finding($"{service.Name}: the app host references '{extra}' but the service does not read ConnectionStrings:{extra}");
        }

        // A service with a database is migrated by the app host's <service>-migrations resource (a
        // child of the service); one without a database (the portal) has nothing to migrate.
        var databases = service.CodeConnections.Where(c => c != platform.BrokerConnectionName).ToList();
        if (databases.Count > 0 && service.Migrations is null)
        {
            Finding($"{service.Name}: the service reads {string.Join(", ", databases.Select(d => "ConnectionStrings:" + d))} but the app host has no migrations resource for it ('{service.Name}-migrations'), so nothing would migrate its database");
        }

        if (databases.Count == 0 && service.Migrations is { } migrations)
        {
            Finding($"{service.Name}: the app host runs '{migrations.Name}', but the service reads no database");
        }

        if (service.Health.Readiness.Count == 0 || service.Health.Liveness.Count == 0)
        {
            Finding($"{service.Name}: the service serves no separate readiness and liveness health endpoints (readiness: [{string.Join(", ", service.Health.Readiness)}], liveness: [{string.Join(", ", service.Health.Liveness)}])");
        }
    }

    // ---- one service: Deployment, Service, NetworkPolicy, migrations Job -------------------------

    private void CheckService(ServiceModel service)
    {
        var deployment = manifest.Find("Deployment", service.Name);
        if (deployment is null)
        {
            Finding($"{service.Name}: no Deployment named '{service.Name}' for the app host's resource '{service.Name}'");
            return;
        }

        var container = Containers(deployment, "containers").FirstOrDefault(c => Str(c["name"]) == service.Name);
        if (container is null)
        {
            Finding($"{deployment}: no container named '{service.Name}'");
            return;
        }

        var image = Str(container["image"]);
        var (repository, tag) = SplitImage(image);
        if (repository != service.Image.Repository && !repository.EndsWith("/" + service.Image.Repository, StringComparison.Ordinal))
        {
            Finding($"{deployment}: image '{image}' is not the service's image repository '{service.Image.Repository}' ({service.ProjectName}, ContainerRepository)");
        }

        CheckPorts(service, deployment, container);
        CheckProbes(service, deployment, container);
        CheckWorkloadHygiene(deployment, service);
        CheckEnvironment(deployment, container, service.Name, service.CodeConnections.Union(service.AppHostConnections).ToList());
        CheckKubernetesService(service, deployment, container);
        CheckNetworkPolicies(service, deployment, ingressPort: service.Image.Port, needsDatabase: service.CodeConnections.Any(c => c != platform.BrokerConnectionName), needsBroker: service.CodeConnections.Contains(platform.BrokerConnectionName));
        CheckMigrations(service, deployment, image, tag);

        if (profile == OverlayProfile.SingleReplica && Int(deployment.Spec?["replicas"]) is { } replicas and not 1)
        {
            Finding($"{deployment}: {replicas} replicas in a single-replica overlay");
        }
    }

    private void CheckPorts(ServiceModel service, K8sObject deployment, JsonNode container)
    {
        var ports = Manifest.Items(container["ports"]).Select(p => Int(p["containerPort"])).ToList();
        if (!ports.Contains(service.Image.Port))
        {
            Finding($"{deployment}: no containerPort {service.Image.Port}, the port the image serves HTTP on (ContainerPort/ASPNETCORE_HTTP_PORTS of {service.ProjectName}); declared: [{string.Join(", ", ports)}]");
        }

        foreach (var other in ports.Where(p => p != service.Image.Port))
        {
            Finding($"{deployment}: containerPort {other} is not served by the image (it serves {service.Image.Port})");
        }
    }

    private void CheckProbes(ServiceModel service, K8sObject deployment, JsonNode container)
    {
        CheckProbe("readinessProbe", service.Health.Readiness, "a readiness endpoint (it fails while the database, the broker or another dependency is down)", required: true);
        CheckProbe("livenessProbe", service.Health.Liveness, "a liveness endpoint (it stays healthy while dependencies are down)", required: true);
        CheckProbe("startupProbe", service.Health.Liveness, "a liveness endpoint", required: false);

        void CheckProbe(string probe, IReadOnlyList<string> expected, string what, bool required)
        {
            var http = container[probe]?["httpGet"];
            if (http is null)
            {
                if (required)
                {
                    Finding($"{deployment}: no HTTP {probe}");
                }

                return;
            }

            var path = Str(http["path"]);
            if (!expected.Contains(path))
            {
                var served = service.Health.All.Contains(path) ? "which the service serves, but it is not " + what : "which the service does not serve as a health endpoint";
                Finding($"{deployment}: {probe} path '{path}', {served}; expected one of [{string.Join(", ", expected)}]");
            }

            var port = ResolvePort(http["port"], container);
            if (port != service.Image.Port)
            {
                Finding($"{deployment}: {probe} port {Str(http["port"])} resolves to {Show(port)}, but the service serves HTTP on {service.Image.Port}");
            }
        }
    }

    /// <summary>Resources, non-root, read-only root filesystem: for every container of a pod.</summary>
    private void CheckWorkloadHygiene(K8sObject workload, ServiceModel service)
    {
        var pod = workload.PodSpec;
        var podSecurity = pod?["securityContext"];
        foreach (var container in Containers(workload, "initContainers").Concat(Containers(workload, "containers")))
        {
            var name = $"{workload} container {Str(container["name"])}";
            foreach (var (kind, resource) in new[] { ("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory") })
            {
                if (container["resources"]?[kind]?[resource] is null)
                {
                    Finding($"{name}: no resources.{kind}.{resource}");
                }
            }

            var security = container["securityContext"];
            if (Bool(security?["runAsNonRoot"]) != true && Bool(podSecurity?["runAsNonRoot"]) != true)
            {
                Finding($"{name}: not runAsNonRoot");
            }

            if (Bool(security?["readOnlyRootFilesystem"]) != true)
            {
                Finding($"{name}: root filesystem is not read-only");
            }

            if (Bool(security?["allowPrivilegeEscalation"]) != false)
            {
                Finding($"{name}: allowPrivilegeEscalation is not false");
            }

            if (!Manifest.Items(security?["capabilities"]?["drop"]).Any(c => Str(c) == "ALL"))
            {
                Finding($"{name}: capabilities are not dropped (drop: [ALL])");
            }
        }

        var user = Int(podSecurity?["runAsUser"]);
        if (int.TryParse(service.Image.User, out var imageUser) && user is not null && user != imageUser)
        {
            Finding($"{workload}: runAsUser {user}, but the image runs as user {imageUser} (ContainerUser of {service.ProjectName})");
        }
    }

    /// <summary>
    /// The environment a container gets (env and envFrom ConfigMaps) against what the service reads:
    /// every connection string it needs, nothing it does not read, no $(VAR) that Kubernetes cannot expand.
    /// </summary>
    private void CheckEnvironment(K8sObject workload, JsonNode container, string service, IReadOnlyList<string> connections)
    {
        var name = $"{workload} container {Str(container["name"])}";
        var defined = new List<(string Name, string? Value, JsonNode? ValueFrom)>();
        foreach (var source in Manifest.Items(container["envFrom"]))
        {
            if (source["configMapRef"]?["name"] is { } configMapName)
            {
                var configMap = manifest.Find("ConfigMap", Str(configMapName));
                if (configMap is null)
                {
                    Finding($"{name}: envFrom ConfigMap '{Str(configMapName)}' is not in the overlay");
                    continue;
                }

                defined.AddRange(Manifest.Map(configMap.Node["data"]).Select(kv => (kv.Key, (string?)kv.Value, (JsonNode?)null)));
            }
            else
            {
                Finding($"{name}: envFrom other than a ConfigMap of the overlay cannot be checked against what the service reads");
            }
        }

        var explicitNames = new HashSet<string>();
        foreach (var variable in Manifest.Items(container["env"]))
        {
            var variableName = Str(variable["name"]);
            var value = variable["value"] is { } v ? Str(v) : null;
            foreach (Match reference in VariableReference().Matches(value ?? ""))
            {
                if (!defined.Any(d => d.Name == reference.Groups[1].Value))
                {
                    Finding($"{name}: {variableName} refers to $({reference.Groups[1].Value}), which is not defined before it (Kubernetes would pass the text unexpanded)");
                }
            }

            explicitNames.Add(variableName);
            defined.Add((variableName, value, variable["valueFrom"]));
        }

        var helpers = defined
            .SelectMany(d => VariableReference().Matches(d.Value ?? "").Select(m => m.Groups[1].Value))
            .ToHashSet();
        var allowedConnections = connections.Select(c => ConnectionStringPrefix + c).ToHashSet();
        var options = platform.OptionVariables.ToHashSet();
        foreach (var (variableName, _, _) in defined)
        {
            var read = allowedConnections.Contains(variableName)
                || options.Contains(variableName)
                || StandardPrefixes.Any(p => variableName.StartsWith(p, StringComparison.Ordinal))
                || helpers.Contains(variableName);
            if (!read)
            {
                Finding(variableName.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal)
                    ? $"{name}: {variableName} is not a connection {service} uses (it uses: {string.Join(", ", connections)})"
                    : $"{name}: environment variable {variableName} is not read by {service} (not a connection string, option or standard .NET/OpenTelemetry setting)");
            }
        }

        foreach (var connection in connections)
        {
            var entry = defined.LastOrDefault(d => d.Name == ConnectionStringPrefix + connection);
            if (entry.Name is null)
            {
                Finding($"{name}: no {ConnectionStringPrefix}{connection}, which {service} reads");
                continue;
            }

            if (connection == platform.BrokerConnectionName)
            {
                CheckBrokerConnection(name, entry.Value, defined);
            }
            else
            {
                CheckDatabaseConnection(name, connection, entry.Value, defined);
            }
        }
    }

    private void CheckDatabaseConnection(string where, string database, string? value, List<(string Name, string? Value, JsonNode? ValueFrom)> defined)
    {
        var settings = (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        if (settings.GetValueOrDefault("database") != database)
        {
            Finding($"{where}: {ConnectionStringPrefix}{database} does not name Database={database}");
        }

        var cluster = manifest.OfKind("Cluster").FirstOrDefault(c => settings.GetValueOrDefault("host") is { } host && (host == $"{c.Name}-rw" || host.StartsWith($"{c.Name}-rw.", StringComparison.Ordinal)));
        if (cluster is null)
        {
            Finding($"{where}: {ConnectionStringPrefix}{database} host '{settings.GetValueOrDefault("host")}' is not the primary service (<cluster>-rw) of a PostgreSQL Cluster in the overlay");
            return;
        }

        if (settings.GetValueOrDefault("port") is { } port && port != PostgresPort)
        {
            Finding($"{where}: {ConnectionStringPrefix}{database} port {port}, PostgreSQL listens on {PostgresPort}");
        }

        var databaseObject = manifest.OfKind("Database").FirstOrDefault(d => Str(d.Spec?["name"]) == database && Str(d.Spec?["cluster"]?["name"]) == cluster.Name);
        if (databaseObject is null)
        {
            Finding($"{where}: no CloudNativePG Database '{database}' in Cluster {cluster.Name}");
            return;
        }

        var owner = Str(databaseObject.Spec?["owner"]);
        var role = Manifest.Items(cluster.Spec?["managed"]?["roles"]).FirstOrDefault(r => Str(r["name"]) == owner);
        if (role is null)
        {
            Finding($"{databaseObject}: owner '{owner}' is not a managed role of Cluster {cluster.Name}");
            return;
        }

        var passwordSecret = Str(role["passwordSecret"]?["name"]);
        foreach (var key in new[] { "username", "password" })
        {
            var variable = VariableReference().Match(settings.GetValueOrDefault(key) ?? "");
            var secret = variable.Success ? Str(defined.LastOrDefault(d => d.Name == variable.Groups[1].Value).ValueFrom?["secretKeyRef"]?["name"]) : "";
            if (secret != passwordSecret)
            {
                Finding($"{where}: {ConnectionStringPrefix}{database} takes its {key} from '{secret}', not from the role's password Secret '{passwordSecret}'");
            }
        }
    }

    private void CheckBrokerConnection(string where, string? value, List<(string Name, string? Value, JsonNode? ValueFrom)> defined)
    {
        var match = AmqpUri().Match(value ?? "");
        if (!match.Success)
        {
            Finding($"{where}: {ConnectionStringPrefix}{platform.BrokerConnectionName} is not an amqp://$(USER):$(PASSWORD)@host:port/vhost URI");
            return;
        }

        var host = match.Groups["host"].Value;
        var cluster = manifest.OfKind("RabbitmqCluster").FirstOrDefault(c => host == c.Name || host.StartsWith(c.Name + ".", StringComparison.Ordinal));
        if (cluster is null)
        {
            Finding($"{where}: broker host '{host}' is not a RabbitmqCluster of the overlay");
            return;
        }

        if (match.Groups["port"].Value is { Length: > 0 } port && port != AmqpPort)
        {
            Finding($"{where}: broker port {port}, RabbitMQ listens for AMQP on {AmqpPort}");
        }

        var vhost = Uri.UnescapeDataString(match.Groups["vhost"].Value);
        vhost = vhost.Length == 0 ? "/" : vhost;
        if (vhost != "/" && !manifest.OfKind("Vhost").Any(v => Str(v.Spec?["name"]) == vhost && Str(v.Spec?["rabbitmqClusterReference"]?["name"]) == cluster.Name))
        {
            Finding($"{where}: vhost '{vhost}' is not declared (Vhost) on {cluster.Name}");
        }

        foreach (var group in new[] { "user", "password" })
        {
            var variable = defined.LastOrDefault(d => d.Name == match.Groups[group].Value);
            var secret = Str(variable.ValueFrom?["secretKeyRef"]?["name"]);
            var user = manifest.OfKind("User").FirstOrDefault(u => secret == $"{u.Name}-user-credentials");
            if (user is null)
            {
                Finding($"{where}: broker {group} comes from '{secret}', not from the credentials Secret of a RabbitMQ User (<user>-user-credentials)");
                continue;
            }

            if (!manifest.OfKind("Permission").Any(p => Str(p.Spec?["userReference"]?["name"]) == user.Name && Str(p.Spec?["vhost"]) == vhost))
            {
                Finding($"{user}: no Permission in vhost '{vhost}'");
            }
        }
    }

    private void CheckKubernetesService(ServiceModel service, K8sObject deployment, JsonNode container)
    {
        var kubernetesService = manifest.Find("Service", service.Name);
        if (kubernetesService is null)
        {
            Finding($"{service.Name}: no Service named '{service.Name}'");
            return;
        }

        var selector = Manifest.Map(kubernetesService.Spec?["selector"]);
        if (selector.Count == 0 || selector.Any(kv => deployment.PodLabels.GetValueOrDefault(kv.Key) != kv.Value))
        {
            Finding($"{kubernetesService}: selector does not select the pods of {deployment}");
        }

        if (!Manifest.Items(kubernetesService.Spec?["ports"]).Any(p => ResolvePort(p["targetPort"] ?? p["port"], container) == service.Image.Port))
        {
            Finding($"{kubernetesService}: no port targets {service.Image.Port}, the port the service serves HTTP on");
        }
    }

    private void CheckNetworkPolicies(ServiceModel service, K8sObject workload, int? ingressPort, bool needsDatabase, bool needsBroker)
    {
        var policies = manifest.OfKind("NetworkPolicy")
            .Where(p => p.Spec?["podSelector"] is JsonObject selector && selector.Count > 0 && Manifest.Selects(selector, workload.PodLabels))
            .ToList();
        if (policies.Count == 0)
        {
            Finding($"{workload}: no NetworkPolicy selects its pods");
            return;
        }

        if (ingressPort is { } port)
        {
            var allowed = policies
                .Where(p => Manifest.Items(p.Spec?["policyTypes"]).Any(t => Str(t) == "Ingress"))
                .SelectMany(p => Manifest.Items(p.Spec?["ingress"]))
                .SelectMany(rule => Manifest.Items(rule["ports"]))
                .Select(p => Str(p["port"]))
                .ToList();
            if (!allowed.Contains(port.ToString()) && !allowed.Contains("http"))
            {
                Finding($"{workload}: no NetworkPolicy lets requests in on {port}, the port {service.Name} serves (allowed: [{string.Join(", ", allowed)}])");
            }
        }

        var egress = policies
            .Where(p => Manifest.Items(p.Spec?["policyTypes"]).Any(t => Str(t) == "Egress"))
            .SelectMany(p => Manifest.Items(p.Spec?["egress"]))
            .SelectMany(rule => Manifest.Items(rule["ports"]))
            .Select(p => Str(p["port"]))
            .ToList();
        if (needsDatabase && !egress.Contains(PostgresPort))
        {
            Finding($"{workload}: no NetworkPolicy lets it reach PostgreSQL ({PostgresPort})");
        }

        if (needsBroker && !egress.Contains(AmqpPort))
        {
            Finding($"{workload}: no NetworkPolicy lets it reach RabbitMQ ({AmqpPort})");
        }
    }

    private void CheckMigrations(ServiceModel service, K8sObject deployment, string image, string tag)
    {
        var jobs = manifest.OfKind("Job")
            .Where(j => j.Labels.GetValueOrDefault("app.kubernetes.io/name") == service.Name && j.Labels.GetValueOrDefault("app.kubernetes.io/component") == "migrations")
            .ToList();
        if (service.Migrations is null)
        {
            foreach (var job in jobs)
            {
                Finding($"{job}: the app host has no migrations resource for {service.Name}");
            }

            // Pods waiting for a Job that never comes would never start.
            foreach (var wait in Containers(deployment, "initContainers").Where(c => Manifest.Items(c["args"]).Any(a => Str(a).StartsWith("job/", StringComparison.Ordinal))))
            {
                Finding($"{deployment}: init container {Str(wait["name"])} waits for a Job, but the app host has no migrations resource for {service.Name}");
            }

            return;
        }

        var migrations = service.Migrations;
        if (jobs.Count != 1)
        {
            Finding($"{service.Name}: {jobs.Count} migrations Jobs (labels app.kubernetes.io/name={service.Name}, component=migrations) for the app host's '{migrations.Name}', expected 1");
            return;
        }

        var migrationJob = jobs[0];
        var expectedName = $"{migrations.Name}-{tag}";
        if (migrationJob.Name != expectedName)
        {
            Finding($"{migrationJob}: expected the name {expectedName} (the app host's '{migrations.Name}' and the image tag '{tag}'), so that every release runs its own migrations");
        }

        if (migrationJob.Name.Length > 63 || !LabelValue().IsMatch(migrationJob.Name))
        {
            Finding($"{migrationJob}: the name is not a valid label value (lower case, at most 63 characters): shorten or lower-case the release version");
        }

        var container = Containers(migrationJob, "containers").FirstOrDefault();
        if (container is null)
        {
            Finding($"{migrationJob}: no container");
            return;
        }

        if (Str(container["image"]) != image)
        {
            Finding($"{migrationJob}: image '{Str(container["image"])}' differs from the service's '{image}'");
        }

        if (container["command"] is not null)
        {
            Finding($"{migrationJob}: 'command' replaces the image's entrypoint (dotnet {service.ProjectName}.dll); give only args");
        }

        if (service.Image.AppCommandInstruction != "Entrypoint")
        {
            Finding($"{service.ProjectName}: ContainerAppCommandInstruction is '{service.Image.AppCommandInstruction}'; the Job's args would not be passed to the app");
        }

        var args = Manifest.Items(container["args"]).Select(Str).ToList();
        if (!args.SequenceEqual(migrations.Args))
        {
            Finding($"{migrationJob}: args [{string.Join(", ", args)}], the app host runs '{migrations.Name}' with [{string.Join(", ", migrations.Args)}]");
        }

        CheckWorkloadHygiene(migrationJob, service);
        CheckEnvironment(migrationJob, container, migrations.Name, migrations.Connections);
        CheckNetworkPolicies(service, migrationJob, ingressPort: null, needsDatabase: true, needsBroker: false);

        var waits = Containers(deployment, "initContainers")
            .Select(c => Manifest.Items(c["args"]).Select(Str).ToList())
            .ToList();
        if (!waits.Any(a => a.Contains("--for=condition=complete") && a.Contains($"job/{migrationJob.Name}")))
        {
            Finding($"{deployment}: no init container waits for job/{migrationJob.Name} to complete, so pods could start before their migrations");
        }
    }

    // ---- the overlay as a whole ----------------------------------------------------------------

    /// <summary>
    /// Calls from one service to another (notification reading contacts, the portal reading public
    /// endpoints) pass two NetworkPolicies: the caller's egress and the callee's ingress. Either
    /// without the other drops the calls, so each side must allow what the other does.
    /// </summary>
    private void CheckCallsBetweenServices()
    {
        var deployments = platform.Services
            .Select(s => (Service: s, Deployment: manifest.Find("Deployment", s.Name)))
            .Where(d => d.Deployment is not null)
            .Select(d => (d.Service, Deployment: d.Deployment!))
            .ToList();
        foreach (var (_, caller) in deployments)
        {
            foreach (var (service, callee) in deployments.Where(d => d.Deployment != caller))
            {
                var port = service.Image.Port.ToString();
                var outAllowed = PolicyRules(caller, "Egress", "egress")
                    .Any(rule => AllowsPort(rule, port) && PodPeers(rule, "to").Any(peer => Manifest.Selects(peer, callee.PodLabels)));
                var inAllowed = PolicyRules(callee, "Ingress", "ingress")
                    .Any(rule => AllowsPort(rule, port) && PodPeers(rule, "from").Any(peer => Manifest.Selects(peer, caller.PodLabels)));
                if (outAllowed && !inAllowed)
                {
                    Finding($"{caller}: its NetworkPolicy lets it call {service.Name} on {port}, but no NetworkPolicy of {callee} lets its pods in, so the calls are dropped");
                }
                else if (inAllowed && !outAllowed)
                {
                    Finding($"{callee}: its NetworkPolicy lets {caller.Name}'s pods in on {port}, but no NetworkPolicy of {caller} lets them out to it, so the calls are dropped");
                }
            }
        }
    }

    /// <summary>The ingress or egress rules of the policies that select a workload's pods and enforce that direction.</summary>
    private IEnumerable<JsonNode> PolicyRules(K8sObject workload, string policyType, string rules) =>
        manifest.OfKind("NetworkPolicy")
            .Where(p => p.Spec?["podSelector"] is JsonObject selector && Manifest.Selects(selector, workload.PodLabels))
            .Where(p => Manifest.Items(p.Spec?["policyTypes"]).Any(t => Str(t) == policyType))
            .SelectMany(p => Manifest.Items(p.Spec?[rules]));

    /// <summary>
    /// A rule's pod selectors within the policy's namespace: the services it names. Peers with a
    /// namespace selector or an IP block are other traffic; a rule without peers names no one.
    /// </summary>
    private static IEnumerable<JsonNode> PodPeers(JsonNode rule, string direction) =>
        Manifest.Items(rule[direction]).Where(p => p["namespaceSelector"] is null && p["ipBlock"] is null).Select(p => p["podSelector"]).OfType<JsonNode>();

    private static bool AllowsPort(JsonNode rule, string port) =>
        rule["ports"] is null || Manifest.Items(rule["ports"]).Any(p => Str(p["port"]) is var allowed && (allowed == port || allowed == "http"));

    private void CheckNothingExtra()
    {
        var services = platform.Services.Select(s => s.Name).ToHashSet();
        foreach (var deployment in manifest.OfKind("Deployment").Where(d => d.Labels.GetValueOrDefault("app.kubernetes.io/component") == "api"))
        {
            if (!services.Contains(deployment.Name))
            {
                Finding($"{deployment}: no app host resource '{deployment.Name}'");
            }
        }

        var databases = platform.Services.SelectMany(s => s.CodeConnections).ToHashSet();
        foreach (var database in manifest.OfKind("Database"))
        {
            if (!databases.Contains(Str(database.Spec?["name"])))
            {
                Finding($"{database}: no service uses the database '{Str(database.Spec?["name"])}'");
            }
        }
    }

    /// <summary>Everything in the platform's one namespace: an object without one lands wherever kubectl points.</summary>
    private void CheckNamespace()
    {
        var namespaces = manifest.OfKind("Namespace").Select(n => n.Name).ToList();
        if (namespaces.Count != 1)
        {
            Finding($"the overlay declares {namespaces.Count} Namespaces, expected 1");
            return;
        }

        foreach (var item in manifest.Objects.Where(o => !ClusterScoped.Contains(o.Kind)))
        {
            var itemNamespace = item.Node["metadata"]?["namespace"]?.ToString();
            if (itemNamespace != namespaces[0])
            {
                Finding($"{item}: in namespace '{itemNamespace ?? "(none: kubectl's current one)"}', not '{namespaces[0]}'");
            }
        }
    }

    private void CheckLabels()
    {
        foreach (var item in manifest.Objects)
        {
            foreach (var label in new[] { "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by" })
            {
                if (!item.Labels.ContainsKey(label))
                {
                    Finding($"{item}: no {label} label");
                }
            }

            if (item.PodSpec is not null && !item.PodLabels.ContainsKey("app.kubernetes.io/name"))
            {
                Finding($"{item}: pod template has no app.kubernetes.io/name label");
            }
        }
    }

    /// <summary>Dapr: components are scoped, and only to apps that run a sidecar under that app id.</summary>
    private void CheckDapr()
    {
        var appIds = manifest.OfKind("Deployment")
            .Where(d => d.PodAnnotations.GetValueOrDefault("dapr.io/enabled") == "true")
            .ToDictionary(d => d.PodAnnotations.GetValueOrDefault("dapr.io/app-id") ?? "", d => d);
        foreach (var (appId, deployment) in appIds)
        {
            if (appId != deployment.Name)
            {
                Finding($"{deployment}: Dapr app id '{appId}' differs from the service name");
            }

            if (deployment.PodAnnotations.GetValueOrDefault("dapr.io/config") is { } config && manifest.Find("Configuration", config) is null)
            {
                Finding($"{deployment}: Dapr configuration '{config}' is not in the overlay");
            }
        }

        foreach (var component in manifest.OfKind("Component"))
        {
            var scopes = Manifest.Items(component.Node["scopes"]).Select(Str).ToList();
            if (scopes.Count == 0)
            {
                Finding($"{component}: no scopes, so every Dapr app in the namespace could use it");
            }

            foreach (var scope in scopes.Where(s => !appIds.ContainsKey(s)))
            {
                Finding($"{component}: scoped to '{scope}', which runs no Dapr sidecar");
            }
        }
    }

    private void CheckHighAvailability()
    {
        foreach (var service in platform.Services)
        {
            if (manifest.Find("Deployment", service.Name) is not { } deployment)
            {
                continue;
            }

            var replicas = Int(deployment.Spec?["replicas"]) ?? 1;
            var autoscaler = manifest.OfKind("HorizontalPodAutoscaler")
                .FirstOrDefault(h => Str(h.Spec?["scaleTargetRef"]?["kind"]) == "Deployment" && Str(h.Spec?["scaleTargetRef"]?["name"]) == service.Name);
            var minimum = autoscaler is null ? replicas : Int(autoscaler.Spec?["minReplicas"]) ?? 1;
            if (minimum < 2)
            {
                Finding($"{deployment}: at least 2 replicas expected (replicas or HorizontalPodAutoscaler minReplicas), found {minimum}");
            }

            if (autoscaler is null)
            {
                Finding($"{deployment}: no HorizontalPodAutoscaler");
            }

            if (!manifest.OfKind("PodDisruptionBudget").Any(p => Manifest.Selects(p.Spec?["selector"], deployment.PodLabels)))
            {
                Finding($"{deployment}: no PodDisruptionBudget");
            }

            var antiAffinity = deployment.PodSpec?["affinity"]?["podAntiAffinity"];
            var terms = Manifest.Items(antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"])
                .Concat(Manifest.Items(antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]).Select(p => p["podAffinityTerm"]).OfType<JsonNode>());
            if (!terms.Any(t => Str(t["topologyKey"]) == "kubernetes.io/hostname" && Manifest.Selects(t["labelSelector"], deployment.PodLabels)))
            {
                Finding($"{deployment}: no pod anti-affinity keeping its replicas on different nodes");
            }
        }

        foreach (var broker in manifest.OfKind("RabbitmqCluster"))
        {
            if ((Int(broker.Spec?["replicas"]) ?? 1) < 3)
            {
                Finding($"{broker}: fewer than 3 replicas");
            }
        }

        foreach (var cluster in manifest.OfKind("Cluster"))
        {
            if ((Int(cluster.Spec?["instances"]) ?? 1) < 2)
            {
                Finding($"{cluster}: fewer than 2 instances");
            }

            var archiver = Manifest.Items(cluster.Spec?["plugins"]).FirstOrDefault(p => Bool(p["isWALArchiver"]) == true);
            var store = Str(archiver?["parameters"]?["barmanObjectName"]);
            if (cluster.Spec?["backup"]?["barmanObjectStore"] is null && (archiver is null || manifest.Find("ObjectStore", store) is null))
            {
                Finding($"{cluster}: no WAL archive (a Barman Cloud plugin with an ObjectStore of the overlay)");
            }

            if (!manifest.OfKind("ScheduledBackup").Any(b => Str(b.Spec?["cluster"]?["name"]) == cluster.Name))
            {
                Finding($"{cluster}: no ScheduledBackup");
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static IEnumerable<JsonNode> Containers(K8sObject workload, string kind) => Manifest.Items(workload.PodSpec?[kind]);

    private static int? ResolvePort(JsonNode? port, JsonNode container) => port switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var number) => (int)number,
        _ => Manifest.Items(container["ports"]).FirstOrDefault(p => Str(p["name"]) == Str(port)) is { } named ? Int(named["containerPort"]) : null,
    };

    private static (string Repository, string Tag) SplitImage(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "");
    }

    private static string Str(JsonNode? node) => node?.ToString() ?? "";

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? (int)n : int.TryParse(node?.ToString(), out var p) ? p : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static string Show(int? port) => port?.ToString() ?? "nothing";

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^amqps?://\$\((?<user>\w+)\):\$\((?<password>\w+)\)@(?<host>[^:/]+)(:(?<port>\d+))?/(?<vhost>[^/?]*)$")]
    private static partial Regex AmqpUri();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex LabelValue();
}
