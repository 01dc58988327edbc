using Lishui.Deployment.Tests.Manifests;

namespace Lishui.Deployment.Tests;

/// <summary>
/// Every overlay, rendered by kustomize, against the Kubernetes and CRD schemas (one run of
/// deploy/k8s/validate/validate.mjs for all files: starting node is most of its cost); and a broken
/// copy, to show the validator does fail.
/// </summary>
public sealed class SchemaValidationRun : IAsyncLifetime
{
    public const string Broken = "broken";

    private readonly string workDir = Directory.CreateTempSubdirectory("lishui-k8s-").FullName;

    public ProcessResult Result { get; private set; } = null!;

    public string File(string name) => Path.Combine(workDir, $"{name}.yaml");

    /// <summary>The validator's lines about one file (its errors and its summary line).</summary>
    public IReadOnlyList<string> Lines(string name) =>
        Result.Output.Split('\n').Where(l => l.StartsWith(File(name) + ": ", StringComparison.Ordinal)).Select(l => l[(File(name).Length + 2)..]).ToList();

    public async Task InitializeAsync()
    {
        var rendered = await Task.WhenAll(Repository.Overlays.Select(async o => (o, await Kustomize.RenderAsync(Repository.Overlay(o)))));
        foreach (var (overlay, yaml) in rendered)
        {
            await System.IO.File.WriteAllTextAsync(File(overlay), yaml);
        }

        // One object of each problem the validator must catch: a wrong type, a misspelt field of a
        // Kubernetes kind, a CRD enum, a misspelt CRD field, an unknown Dapr metadata name and
        // annotation, a kind with no schema.
        var prod = rendered.Single(r => r.o == "prod").Item2;
        await System.IO.File.WriteAllTextAsync(File(Broken), prod
            .Replace("containerPort: 8080", "containerPort: \"8080\"")
            .Replace("readinessProbe:", "readinesProbe:")
            .Replace("defaultQueueType: quorum", "defaultQueueType: quorom")
            .Replace("instances: 3", "instance: 3")
            .Replace("name: securityTokenHeader", "name: securityTokenHeadr")
            .Replace("kind: ScheduledBackup", "kind: ScheduledBackups")
            .Replace("dapr.io/log-as-json", "dapr.io/log-as-jsn"));

        Result = await SchemaValidator.ValidateAsync([.. Repository.Overlays.Select(File), File(Broken)]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(workDir, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class SchemaValidationTests(SchemaValidationRun run) : IClassFixture<SchemaValidationRun>
{
    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_renders_and_every_object_validates_against_its_schema(string overlay)
    {
        var lines = run.Lines(overlay);

        Assert.True(lines.Count == 1 && lines[0].EndsWith(" 0 error(s)", StringComparison.Ordinal) && !lines[0].Contains(" 0 objects", StringComparison.Ordinal),
            $"deploy/k8s/overlays/{overlay}:\n  " + string.Join("\n  ", lines));
    }

    [Fact]
    public void Validator_reports_wrong_types_unknown_fields_and_invalid_custom_resources()
    {
        var lines = string.Join('\n', run.Lines(SchemaValidationRun.Broken));

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Contains("containerPort: must be integer", lines);
        Assert.Contains("readinesProbe: unknown field", lines);
        Assert.Contains("defaultQueueType: must be equal to one of the allowed values", lines);
        Assert.Contains("must NOT have additional properties 'instance'", lines);
        Assert.Contains("'securityTokenHeadr' is not a metadata field of bindings.http", lines);
        Assert.Contains("no schema for postgresql.cnpg.io/v1/ScheduledBackups", lines);
        Assert.Contains("'dapr.io/log-as-jsn' is not a Dapr sidecar annotation", lines);
    }
}
