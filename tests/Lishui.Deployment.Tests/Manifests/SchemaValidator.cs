namespace Lishui.Deployment.Tests.Manifests;

/// <summary>
/// deploy/k8s/validate/validate.mjs: rendered manifests against the Kubernetes schemas (npm
/// kubernetes-models) and the operators' CRD schemas. Installs its npm packages (npm ci, from the
/// committed package-lock.json) the first time, so 'dotnet test' works on a fresh clone.
/// </summary>
public static class SchemaValidator
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<ProcessResult> ValidateAsync(IReadOnlyList<string> files)
    {
        await EnsureInstalledAsync();
        return await Tool.RunAsync("node", ["validate.mjs", .. files], Repository.Validator, TimeSpan.FromMinutes(2));
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Repository.Validator, "node_modules", ".package-lock.json")))
            {
                return;
            }

            var result = await Tool.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Repository.Validator, TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(result.Describe("npm ci (deploy/k8s/validate)"));
            }
        }
        finally
        {
            Install.Release();
        }
    }
}
