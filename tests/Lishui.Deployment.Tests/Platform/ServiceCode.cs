using System.Reflection;
using System.Text.RegularExpressions;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Deployment.Tests.Platform;

/// <summary>What the services' code reads from configuration.</summary>
public static partial class ServiceCode
{
    public static string BrokerConnectionName => MessagingRegistration.BrokerConnectionName;

    public static Assembly Load(string projectPath) => Assembly.Load(Path.GetFileNameWithoutExtension(projectPath));

    /// <summary>The connection strings a service reads: each DbContext's ConnectionName and the broker's.</summary>
    public static IReadOnlyList<string> ConnectionNames(Assembly service)
    {
        var databases = service.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.GetField("ConnectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .OfType<string>();
        return databases.Append(BrokerConnectionName).Distinct().Order().ToList();
    }

    /// <summary>
    /// Options sections every service binds (Messaging:Retry -> ConsumerRetryOptions, ...), read from
    /// the shared messaging registration so a new section or option is allowed without touching the tests.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OptionSections()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "services", "Shared", "Lishui.Shared", "Messaging", "MessagingRegistration.cs"));
        var shared = typeof(MessagingRegistration).Assembly;
        var sections = new Dictionary<string, IReadOnlyList<string>>();
        foreach (Match match in SectionBinding().Matches(source))
        {
            var section = match.Groups["section"].Value;
            var typeName = match.Groups["type"].Value;
            var type = shared.GetTypes().SingleOrDefault(t => t.Name == typeName)
                ?? throw new InvalidOperationException($"Options type {typeName} (section {section}) not found in {shared.GetName().Name}.");
            sections[section] = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToList();
        }

        if (sections.Count == 0)
        {
            throw new InvalidOperationException("No options sections found in MessagingRegistration.cs: the pattern in ServiceCode needs updating.");
        }

        return sections;
    }

    // GetSection("Messaging:Retry").Get<ConsumerRetryOptions>()  or  Configure<OutboxRelayOptions>(builder.Configuration.GetSection("Messaging:Outbox"))
    [GeneratedRegex("""GetSection\("(?<section>[^"]+)"\)\.Get<(?<type>\w+)>|Configure<(?<type>\w+)>\([^;]*?GetSection\("(?<section>[^"]+)"\)""")]
    private static partial Regex SectionBinding();
}
