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

    /// <summary>
    /// The connection strings a service reads: each DbContext's ConnectionName, and the broker's if it
    /// uses messaging. AddPlatformMessaging takes MassTransit's bus configurator, so every service that
    /// calls it references MassTransit; one without messaging (the portal) does not.
    /// </summary>
    public static IReadOnlyList<string> ConnectionNames(Assembly service)
    {
        var databases = service.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.GetField("ConnectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .OfType<string>();
        var broker = UsesMessaging(service) ? [BrokerConnectionName] : Array.Empty<string>();
        return databases.Concat(broker).Distinct().Order().ToList();
    }

    private static bool UsesMessaging(Assembly service) =>
        service.GetReferencedAssemblies().Any(a => a.Name is { } name && (name == "MassTransit" || name.StartsWith("MassTransit.", StringComparison.Ordinal)));

    /// <summary>
    /// Settings the services read, by section: options classes bound from a section
    /// (<c>GetSection("Messaging:Retry").Get&lt;ConsumerRetryOptions&gt;()</c>, <c>Configure&lt;T&gt;(…GetSection("X"))</c>,
    /// <c>AddOptions&lt;T&gt;().BindConfiguration("X")</c>) and single keys read directly
    /// (<c>configuration["PersonalData:EncryptionKey"]</c>, <c>GetValue&lt;int&gt;("X:Y")</c>), found in the services'
    /// source so a new setting is allowed without touching the tests.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OptionSections()
    {
        var sources = new[] { Path.Combine(Repository.Root, "services"), Path.Combine(Repository.Root, "aspire", "Lishui.ServiceDefaults") }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}CompiledModel{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var types = Directory.EnumerateFiles(AppContext.BaseDirectory, "Lishui.*.dll")
            .Select(f => Assembly.Load(Path.GetFileNameWithoutExtension(f)))
            .SelectMany(a => a.GetTypes())
            .ToList();
        var sections = new Dictionary<string, HashSet<string>>();
        void Add(string section, IEnumerable<string> names)
        {
            if (!sections.TryGetValue(section, out var set))
            {
                sections[section] = set = [];
            }

            set.UnionWith(names);
        }

        foreach (var source in sources)
        {
            foreach (Match match in SectionBinding().Matches(source))
            {
                var typeName = match.Groups["type"].Value;
                var type = types.FirstOrDefault(t => t.Name == typeName)
                    ?? throw new InvalidOperationException($"Options type {typeName} not found in the platform's assemblies.");

                // GetSection("X") or GetSection(SomeOptions.Section), the options class's constant.
                var section = match.Groups["section"].Success
                    ? match.Groups["section"].Value
                    : types.FirstOrDefault(t => t.Name == match.Groups["holder"].Value)?.GetField("Section")?.GetRawConstantValue() as string
                        ?? throw new InvalidOperationException($"{match.Groups["holder"].Value}.Section (options {typeName}) is not a constant in the platform's assemblies.");
                Add(section, OptionNames(type));
            }

            foreach (Match match in SingleKey().Matches(source))
            {
                var key = match.Groups["key"].Value;
                var split = key.LastIndexOf(':');
                Add(key[..split], [key[(split + 1)..]]);
            }
        }

        if (!sections.ContainsKey("Messaging:Retry"))
        {
            throw new InvalidOperationException("The Messaging:Retry options were not found in the services' source: the patterns in ServiceCode need updating.");
        }

        return sections.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Order(StringComparer.Ordinal)]);
    }

    /// <summary>An options class's settings: its writable properties, and those of nested option classes as "Outer:Inner".</summary>
    private static IEnumerable<string> OptionNames(Type type, int depth = 0) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p =>
            depth < 2 && p.PropertyType.IsClass && p.PropertyType != typeof(string) && !p.PropertyType.IsArray
                && p.PropertyType.Namespace?.StartsWith("Lishui.", StringComparison.Ordinal) == true
                ? OptionNames(p.PropertyType, depth + 1).Select(inner => $"{p.Name}:{inner}")
                : [p.Name]);

    // GetSection("Messaging:Retry").Get<ConsumerRetryOptions>(), Configure<OutboxRelayOptions>(builder.Configuration.GetSection("Messaging:Outbox"))
    // or AddOptions<DispatchOptions>().BindConfiguration("Notification:Dispatch")
    [GeneratedRegex("""GetSection\("(?<section>[^"]+)"\)\.Get<(?<type>\w+)>|Configure<(?<type>\w+)>\([^;]*?GetSection\((?:"(?<section>[^"]+)"|(?<holder>\w+)\.Section)\)|AddOptions<(?<type>\w+)>\(\)[^;]*?BindConfiguration\((?:"(?<section>[^"]+)"|(?<holder>\w+)\.Section)\)""")]
    private static partial Regex SectionBinding();

    // configuration["PersonalData:EncryptionKey"] or GetValue<int>("Projects:Overdue:RequestDays"): keys with at least one section.
    [GeneratedRegex("""(?:\[|GetValue<[^>]+>\(|GetValue\()\s*"(?<key>[A-Z][A-Za-z0-9]*(?::[A-Za-z0-9]+)+)"\s*[\],]""")]
    private static partial Regex SingleKey();
}
