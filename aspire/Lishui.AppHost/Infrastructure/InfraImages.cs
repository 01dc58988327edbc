using Microsoft.Extensions.Configuration;

namespace Lishui.AppHost.Infrastructure;

/// <summary>
/// The RabbitMQ and PostgreSQL images of <see cref="InfraMode.Containers"/> (<c>Infra:Images:RabbitMq</c>,
/// <c>Infra:Images:Postgres</c>): Aspire's own by default, or others such as those deploy/images/ builds
/// on a machine without registry access. Named here so that auto-detection checks the images that run.
/// </summary>
public sealed record InfraImages(string RabbitMq, string Postgres)
{
    // Aspire.Hosting.RabbitMQ / .PostgreSQL 13.6's defaults (a test compares them with Aspire's).
    public const string DefaultRabbitMq = "docker.io/library/rabbitmq:4.3-management";
    public const string DefaultPostgres = "docker.io/library/postgres:18.3";

    public static InfraImages From(IConfiguration configuration) => new(
        NonEmpty(configuration["Infra:Images:RabbitMq"]) ?? DefaultRabbitMq,
        NonEmpty(configuration["Infra:Images:Postgres"]) ?? DefaultPostgres);

    /// <summary>Splits <c>registry/name:tag</c> as Aspire's WithImageRegistry/WithImage take it.</summary>
    public static (string? Registry, string Image, string Tag) Split(string reference)
    {
        var slash = reference.IndexOf('/');
        var first = slash < 0 ? null : reference[..slash];
        var hasRegistry = first is not null && (first.Contains('.') || first.Contains(':') || first == "localhost");
        var rest = hasRegistry ? reference[(slash + 1)..] : reference;
        var colon = rest.LastIndexOf(':');
        return colon < 0
            ? (hasRegistry ? first : null, rest, "latest")
            : (hasRegistry ? first : null, rest[..colon], rest[(colon + 1)..]);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
