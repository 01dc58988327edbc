using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Lishui.AppHost.Infrastructure;

/// <summary>Where RabbitMQ and PostgreSQL come from (config key <c>Infra:Mode</c>).</summary>
public enum InfraMode
{
    /// <summary>Containers started by Aspire (needs a Docker or Podman engine).</summary>
    Containers,

    /// <summary>The locally installed Debian packages, started by the app host as processes.</summary>
    Executables,

    /// <summary>Servers run by someone else, given as <c>ConnectionStrings:*</c>.</summary>
    External,
}

public static class InfraModeSelector
{
    public const string ConfigKey = "Infra:Mode";

    /// <summary>
    /// Resolves <c>auto</c> (the default) and prints the decision. Never picks containers without a
    /// runtime that answers and the images it needs (present, or a registry that answers): container
    /// resources would then wait forever without a word.
    /// </summary>
    public static InfraMode Resolve(IConfiguration configuration)
    {
        var requested = (configuration[ConfigKey] ?? "auto").Trim().ToLowerInvariant();
        var timer = Stopwatch.StartNew();
        var (mode, reason) = requested switch
        {
            "containers" => (InfraMode.Containers, "as configured"),
            "executables" => (InfraMode.Executables, "as configured"),
            "external" => (InfraMode.External, "as configured"),
            "auto" => Detect(configuration),
            _ => throw new InfraSetupException($"{ConfigKey}='{requested}' is not one of: auto, containers, executables, external."),
        };
        Console.WriteLine($"{ConfigKey}={requested} -> {mode.ToString().ToLowerInvariant()} ({reason}; decided in {timer.ElapsedMilliseconds} ms)");
        return mode;
    }

    private static (InfraMode, string) Detect(IConfiguration configuration)
    {
        // Aspire's own setting for the runtime to use; when set, only that one is asked.
        var preferred = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
        var images = InfraImages.From(configuration);
        var choice = ContainerRuntimeProbe.Choose(preferred, [images.RabbitMq, images.Postgres]);
        if (choice.UseContainers)
        {
            if (preferred is null && choice.Runtime == "podman")
            {
                // Aspire asks docker unless told otherwise.
                configuration["ASPIRE_CONTAINER_RUNTIME"] = "podman";
            }

            return (InfraMode.Containers, choice.Reason);
        }

        if (LocalRabbitMq.IsInstalled && LocalPostgres.IsInstalled)
        {
            return (InfraMode.Executables, $"{choice.Reason}; local RabbitMQ and PostgreSQL 15 found");
        }

        throw new InfraSetupException($"""
            No infrastructure for the platform: containers cannot be used ({choice.Reason}),
            and RabbitMQ or PostgreSQL 15 is not installed ({LocalRabbitMq.ServerPath}, {LocalPostgres.ServerPath}).
            Do one of:
              - apt-get install rabbitmq-server postgresql-15        (the app host then starts them itself)
              - start Docker or Podman with {images.RabbitMq} and {images.Postgres} present or pullable
                (Infra:Images:RabbitMq / Infra:Images:Postgres name other images, e.g. ones built by deploy/images/)
              - set {ConfigKey}=external and ConnectionStrings:messaging, ConnectionStrings:membershipdb, ... to your own servers
            """);
    }
}
