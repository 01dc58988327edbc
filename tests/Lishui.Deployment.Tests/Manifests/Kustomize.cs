namespace Lishui.Deployment.Tests.Manifests;

/// <summary>Renders an overlay the way town IT applies it: <c>kubectl kustomize</c> (kustomize built into kubectl).</summary>
public static class Kustomize
{
    public static async Task<string> RenderAsync(string overlayDirectory)
    {
        var result = await Tool.RunAsync("kubectl", ["kustomize", overlayDirectory], Repository.Root, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe($"kubectl kustomize {overlayDirectory}"));
        }

        return result.Output;
    }
}
