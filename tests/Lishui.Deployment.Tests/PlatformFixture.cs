using Lishui.Deployment.Tests.Manifests;
using Lishui.Deployment.Tests.Platform;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Lishui.Deployment.Tests;

/// <summary>The platform as the code defines it, and every overlay rendered, once per test run.</summary>
public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly Dictionary<string, string> rendered = [];

    public PlatformModel Platform { get; private set; } = null!;

    /// <summary>A fresh copy of the rendered overlay: tests may change it.</summary>
    public Manifest Render(string overlay) => Manifest.Parse(overlay, rendered[overlay]);

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = PlatformModelReader.ReadAsync();
        var renders = Repository.Overlays.Select(async o => (o, await Kustomize.RenderAsync(Repository.Overlay(o)))).ToList();
        foreach (var (overlay, yaml) in await Task.WhenAll(renders))
        {
            rendered[overlay] = yaml;
        }

        Platform = await model;
        diagnostics.OnMessage(new DiagnosticMessage($"Platform model ({Platform.Services.Count} services) and {rendered.Count} overlays read in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
