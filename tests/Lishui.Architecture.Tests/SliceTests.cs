using System.Reflection;
using Lishui.Shared.Messaging;
using Mono.Cecil;

namespace Lishui.Architecture.Tests;

/// <summary>
/// Each use case stands alone: a slice under Features/ uses the domain, the data and the shared
/// building blocks, never another slice; and events leave through the aggregates that record them.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SliceTests
{
    /// <summary>
    /// All five services: their aggregates record their events, so no code of theirs writes an outbox
    /// row by hand, and their slices stand alone.
    /// </summary>
    private static readonly Assembly[] Services =
    [
        typeof(Lishui.Membership.MembershipModule).Assembly,
        typeof(Lishui.Assessment.AssessmentModule).Assembly,
        typeof(Lishui.Pairing.PairingModule).Assembly,
        typeof(Lishui.PracticalProjects.PracticalProjectsModule).Assembly,
        typeof(Lishui.Notification.NotificationModule).Assembly,
    ];

    public static TheoryData<string> AllServices() => new(Services.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(AllServices))]
    public void No_slice_uses_another_slice(string service)
    {
        var crossings = SliceCrossings(Assembly.Load(service));

        Assert.True(crossings.Count == 0, $"Slices of {service} use other slices; move what they share to Domain/, Data/ or Web/: {string.Join("; ", crossings)}");
    }

    [Theory]
    [MemberData(nameof(AllServices))]
    public void Data_messaging_and_web_use_no_slice(string service)
    {
        var uses = FeatureUsesBelow(Assembly.Load(service));

        Assert.True(uses.Count == 0, $"Data/, Messaging/ or Web/ of {service} use slices; move what they share to Domain/ or Data/: {string.Join("; ", uses)}");
    }

    [Theory]
    [MemberData(nameof(AllServices))]
    public void Nothing_in_a_service_writes_to_the_outbox_by_hand(string service)
    {
        // Features, consumers and data alike: only the interceptor in Lishui.Shared turns events into rows.
        var writers = OutboxWriters(Assembly.Load(service));

        Assert.True(writers.Count == 0, $"These call AddToOutbox; let the aggregate record the event instead: {string.Join(", ", writers)}");
    }

    [Fact]
    public void The_slice_rules_do_catch_a_crossing_a_hand_written_outbox_row_and_a_consumer_or_web_code_using_a_slice()
    {
        // The samples break every rule on purpose: if the rules passed here they would be checking nothing.
        var sample = typeof(SliceTests).Assembly;

        Assert.Contains("Lishui.Architecture.Tests.Sample.Features.Second.SecondUseCase → First", SliceCrossings(sample));
        Assert.Contains("Lishui.Architecture.Tests.Sample.Features.Second.SecondUseCase", OutboxWriters(sample));
        Assert.Contains("Lishui.Architecture.Tests.Sample.Messaging.SampleConsumer → First", FeatureUsesBelow(sample, "Lishui.Architecture.Tests.Sample"));
        Assert.Contains("Lishui.Architecture.Tests.Sample.Web.SampleResponse → First", FeatureUsesBelow(sample, "Lishui.Architecture.Tests.Sample"));
    }

    /// <summary>"Type → other slice" for every type of Features/&lt;slice&gt; that uses another slice.</summary>
    internal static List<string> SliceCrossings(Assembly assembly) =>
        TypeReferences.Of(assembly)
            .Select(r => (Owner: r.Owner.FullName, From: SliceOf(r.Owner.Namespace), To: SliceOf(TypeReferences.NamespaceOf(r.Used))))
            .Where(r => r.From is { } from && r.To is { } to && from.Root == to.Root && from.Slice != to.Slice)
            .Select(r => $"{r.Owner} → {r.To!.Value.Slice}")
            .Distinct().Order().ToList();

    /// <summary>"Type → slice" for every type of a service's Data/, Messaging/ or Web/ (migrations aside) that uses a slice.</summary>
    internal static List<string> FeatureUsesBelow(Assembly assembly) => FeatureUsesBelow(assembly, assembly.GetName().Name!);

    internal static List<string> FeatureUsesBelow(Assembly assembly, string service)
    {
        bool Below(string ns) =>
            (ns.StartsWith(service + ".Data", StringComparison.Ordinal) && !ns.EndsWith(".Migrations", StringComparison.Ordinal)
                && !ns.EndsWith(".CompiledModel", StringComparison.Ordinal))
            || ns.StartsWith(service + ".Messaging", StringComparison.Ordinal)
            || ns.StartsWith(service + ".Web", StringComparison.Ordinal);
        return TypeReferences.Of(assembly)
            .Where(r => Below(r.Owner.Namespace))
            .Select(r => (Owner: r.Owner.FullName, To: SliceOf(TypeReferences.NamespaceOf(r.Used))))
            .Where(r => r.To is { } to && to.Root == service + ".Features")
            .Select(r => $"{r.Owner} → {r.To!.Value.Slice}")
            .Distinct().Order().ToList();
    }

    internal static List<string> OutboxWriters(Assembly assembly) =>
        TypeReferences.Of(assembly)
            .Where(r => r.Member is MethodReference { Name: nameof(OutboxExtensions.AddToOutbox) }
                && r.Used.FullName == typeof(OutboxExtensions).FullName)
            .Select(r => r.Owner.FullName)
            .Distinct().Order().ToList();

    /// <summary>The slice a namespace belongs to: the segment after "Features".</summary>
    private static (string Root, string Slice)? SliceOf(string ns)
    {
        var parts = ns.Split('.');
        var at = Array.IndexOf(parts, "Features");
        return at >= 0 && at + 1 < parts.Length ? (string.Join('.', parts[..(at + 1)]), parts[at + 1]) : null;
    }
}
