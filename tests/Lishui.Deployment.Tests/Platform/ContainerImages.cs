using System.Text.Json;

namespace Lishui.Deployment.Tests.Platform;

/// <summary>
/// The container configuration the .NET SDK computes for the service projects (ComputeContainerConfig,
/// the first step of 'dotnet publish -t:PublishContainer'), without building or pulling anything;
/// all projects in one MSBuild run (ContainerConfig.proj).
/// </summary>
public static class ContainerImages
{
    private static readonly string ConfigProject = Path.Combine(Repository.Root, "tests", "Lishui.Deployment.Tests", "Platform", "ContainerConfig.proj");

    /// <param name="properties">MSBuild properties to set, as a change to the projects would (Name=Value).</param>
    public static async Task<IReadOnlyDictionary<string, ContainerImage>> ReadAsync(IEnumerable<string> projectPaths, params string[] properties)
    {
        var projects = projectPaths.Select(Path.GetFullPath).ToList();
        var result = await Tool.RunAsync("dotnet",
            ["msbuild", ConfigProject, "-nologo", "-t:Read", $"-p:Projects={string.Join('|', projects)}", "-getItem:ContainerConfig", .. properties.Select(p => $"-p:{p}")],
            Repository.Root, TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe("dotnet msbuild ContainerConfig.proj -t:Read"));
        }

        using var json = JsonDocument.Parse(result.Output);
        var images = new Dictionary<string, ContainerImage>();
        foreach (var item in json.RootElement.GetProperty("Items").GetProperty("ContainerConfig").EnumerateArray())
        {
            var project = item.GetProperty("Identity").GetString()!;
            var ports = item.GetProperty("Ports").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries);
            if (ports.Length != 1)
            {
                throw new InvalidOperationException($"{project}: expected one ContainerPort (services/Directory.Build.props), found [{string.Join(", ", ports)}].");
            }

            images[project] = new ContainerImage(
                item.GetProperty("Repository").GetString()!,
                int.Parse(ports[0]),
                item.GetProperty("User").GetString()!,
                item.GetProperty("Instruction").GetString()!);
        }

        var missing = projects.Except(images.Keys).ToList();
        return missing.Count == 0 ? images : throw new InvalidOperationException($"No container configuration for {string.Join(", ", missing)}.");
    }
}
