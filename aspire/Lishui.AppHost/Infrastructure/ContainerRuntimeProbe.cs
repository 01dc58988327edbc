using System.ComponentModel;
using System.Diagnostics;

namespace Lishui.AppHost.Infrastructure;

/// <summary>
/// Whether containers can really be used: a container engine answers (<c>docker info</c> /
/// <c>podman info</c>, by exit code: a CLI without a reachable engine exists and exits non-zero),
/// and every image needed is present locally or its registry answers. An engine alone is not
/// enough: on a machine without registry access the containers would wait for a pull that never
/// comes. Also compiled into Lishui.Testing (the Testcontainers path makes the same decision).
/// </summary>
internal static class ContainerRuntimeProbe
{
    // 'podman info' took over 5 s on this 2-core machine under a load of 60; a CLI that is not
    // installed fails at once, so a long timeout costs nothing where there is no engine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Decides and says why, asking the engine and the registries only as far as needed.</summary>
    /// <param name="preferred">Only this CLI is asked when set (Aspire's ASPIRE_CONTAINER_RUNTIME).</param>
    public static ContainerChoice Choose(string? preferred, IReadOnlyList<string> images) =>
        ContainerChoice.Decide(FindUsableRuntime(preferred), images, ImageIsPresent, RegistryAnswers);

    /// <returns>The first runtime that answers, or null.</returns>
    public static string? FindUsableRuntime(string? preferred)
    {
        string[] candidates = string.IsNullOrWhiteSpace(preferred) ? ["docker", "podman"] : [preferred];
        // Plain 'info': podman has no .ServerVersion, so a docker format string made it fail every time.
        return candidates.FirstOrDefault(cli => Succeeds(cli, "info"));
    }

    /// <summary><c>image inspect</c> answers the same way in docker and podman (short names resolved alike).</summary>
    public static bool ImageIsPresent(string cli, string image) => Succeeds(cli, "image", "inspect", "--format", "{{.Id}}", image);

    /// <summary>Any HTTP answer from the registry's /v2/ (401 included) counts: a pull can at least be tried.</summary>
    public static bool RegistryAnswers(string registryUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = http.GetAsync(registryUrl, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static bool Succeeds(string cli, params string[] arguments)
    {
        var start = new ProcessStartInfo(cli, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            // Drain the pipes so a chatty CLI cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // CLI not installed
        }
    }
}

/// <summary>The outcome of <see cref="ContainerRuntimeProbe.Choose"/>: use containers or not, and why.</summary>
internal sealed record ContainerChoice(string? Runtime, bool UseContainers, string Reason)
{
    /// <param name="runtime">The CLI whose engine answered, or null.</param>
    /// <param name="imageIsPresent">(cli, image) → present in the engine's local store.</param>
    /// <param name="registryAnswers">registry /v2/ URL → answers.</param>
    public static ContainerChoice Decide(
        string? runtime, IReadOnlyList<string> images, Func<string, string, bool> imageIsPresent, Func<string, bool> registryAnswers)
    {
        if (runtime is null)
        {
            return new(null, false, "no container engine answered ('docker info' / 'podman info')");
        }

        var pulls = new List<string>();
        foreach (var image in images)
        {
            if (imageIsPresent(runtime, image))
            {
                continue;
            }

            var registry = ImageReference.RegistryUrl(image);
            if (!registryAnswers(registry))
            {
                return new(runtime, false, $"'{runtime} info' answered, but image {image} is not present locally and its registry ({registry}) does not answer");
            }

            pulls.Add(image);
        }

        return new(runtime, true, pulls.Count == 0
            ? $"'{runtime} info' answered and {string.Join(", ", images)} are present locally"
            : $"'{runtime} info' answered; {string.Join(", ", pulls)} will be pulled (the registry answers)");
    }
}

/// <summary>The registry part of an image reference, as docker and podman read it.</summary>
internal static class ImageReference
{
    /// <summary>The registry's API root: docker.io for a name without a registry host.</summary>
    public static string RegistryUrl(string image)
    {
        var slash = image.IndexOf('/');
        var first = slash < 0 ? null : image[..slash];
        // Only a first component with a dot or a port, or 'localhost', names a registry ('library/x' does not).
        var host = first is not null && (first.Contains('.') || first.Contains(':') || first == "localhost") ? first : "docker.io";
        if (host == "docker.io")
        {
            host = "registry-1.docker.io";
        }

        // Docker and podman talk plain HTTP only to loopback registries unless told otherwise.
        var loopback = host.StartsWith("localhost", StringComparison.Ordinal) || host.StartsWith("127.", StringComparison.Ordinal);
        return $"{(loopback ? "http" : "https")}://{host}/v2/";
    }
}
