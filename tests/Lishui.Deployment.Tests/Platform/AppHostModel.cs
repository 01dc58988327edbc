using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Lishui.Deployment.Tests.Platform;

/// <summary>A project resource of the app host, as far as deployment cares.</summary>
public sealed record AppHostProject(string Name, string ProjectPath, string? Parent, IReadOnlyList<string> Args, IReadOnlyList<string> Connections);

/// <summary>
/// Builds the real app host's model (Program.cs of aspire/Lishui.AppHost) without starting anything,
/// and reads its project resources: names, projects, parents, arguments and the connection strings
/// their references inject.
/// </summary>
public static class AppHostModel
{
    private const string ConnectionStringPrefix = "ConnectionStrings__";

    public static async Task<IReadOnlyList<AppHostProject>> ReadAsync()
    {
        // Containers mode only declares resources; nothing runs, so no container engine is needed.
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Lishui_AppHost>(["--Infra:Mode=containers"]);
        var publish = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);
        var projects = new List<AppHostProject>();
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            var metadata = resource.Annotations.OfType<IProjectMetadata>().Single();
            var parent = resource.Annotations.OfType<ResourceRelationshipAnnotation>().FirstOrDefault(r => r.Type == "Parent")?.Resource.Name;

            var args = new List<object>();
            foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
            {
                await callback.Callback(new CommandLineArgsCallbackContext(args, resource));
            }

            // Publish mode: values stay expressions, so nothing waits for an endpoint to be allocated.
            var environment = new Dictionary<string, object>();
            foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(new EnvironmentCallbackContext(publish, resource, environment));
            }

            var connections = environment.Keys
                .Where(k => k.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal))
                .Select(k => k[ConnectionStringPrefix.Length..])
                .Order()
                .ToList();
            projects.Add(new AppHostProject(resource.Name, metadata.ProjectPath, parent, args.Select(a => a.ToString() ?? "").ToList(), connections));
        }

        return projects;
    }
}
