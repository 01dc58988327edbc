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
    /// <summary>Services whose aggregates record their events: their Features code writes no outbox row by hand.</summary>
    private static readonly Assembly[] RecordingServices =
    [
        typeof(Lishui.Membership.MembershipModule).Assembly,
        typeof(Lishui.Pairing.PairingModule).Assembly,
        typeof(Lishui.PracticalProjects.PracticalProjectsModule).Assembly,
    ];

    /// <summary>Services whose slices no longer reach into each other.</summary>
    private static readonly Assembly[] IndependentSliceServices =
    [
        typeof(Lishui.Membership.MembershipModule).Assembly,
    ];

    /// <summary>
    /// Crossings kept on purpose: the roll export is the list's query written in the import's
    /// spreadsheet columns, so export, list and import stay one format.
    /// </summary>
    private static readonly HashSet<string> Allowed =
    [
        "Lishui.Membership.Features.ExportMembers.ExportMembers → ListMembers",
        "Lishui.Membership.Features.ExportMembers.ExportMembers → MemberImports",
    ];

    public static TheoryData<string> IndependentSlices() => new(IndependentSliceServices.Select(a => a.GetName().Name!));

    public static TheoryData<string> Recording() => new(RecordingServices.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(IndependentSlices))]
    public void No_slice_uses_another_slice(string service)
    {
        var crossings = SliceCrossings(Assembly.Load(service)).Where(c => !Allowed.Contains(c)).ToList();

        Assert.True(crossings.Count == 0, $"Slices of {service} use other slices: {string.Join("; ", crossings)}");
    }

    [Theory]
    [MemberData(nameof(Recording))]
    public void No_feature_writes_to_the_outbox_by_hand(string service)
    {
        var writers = OutboxWriters(Assembly.Load(service), service + ".Features");

        Assert.True(writers.Count == 0, $"These call AddToOutbox; let the aggregate record the event instead: {string.Join(", ", writers)}");
    }

    [Fact]
    public void The_slice_rules_do_catch_a_crossing_and_a_hand_written_outbox_row()
    {
        // The samples below break both rules on purpose: if the rules passed here they would be checking nothing.
        var sample = typeof(SliceTests).Assembly;

        Assert.Contains("Lishui.Architecture.Tests.Sample.Features.Second.SecondUseCase → First", SliceCrossings(sample));
        Assert.Contains("Lishui.Architecture.Tests.Sample.Features.Second.SecondUseCase", OutboxWriters(sample, "Lishui.Architecture.Tests.Sample.Features"));
    }

    /// <summary>"Type → other slice" for every type of Features/&lt;slice&gt; that uses another slice.</summary>
    internal static List<string> SliceCrossings(Assembly assembly) =>
        TypeReferences.Of(assembly)
            .Select(r => (Owner: r.Owner.FullName, From: SliceOf(r.Owner.Namespace), To: SliceOf(TypeReferences.NamespaceOf(r.Used))))
            .Where(r => r.From is { } from && r.To is { } to && from.Root == to.Root && from.Slice != to.Slice)
            .Select(r => $"{r.Owner} → {r.To!.Value.Slice}")
            .Distinct().Order().ToList();

    internal static List<string> OutboxWriters(Assembly assembly, string features) =>
        TypeReferences.Of(assembly)
            .Where(r => (r.Owner.Namespace == features || r.Owner.Namespace.StartsWith(features + ".", StringComparison.Ordinal))
                && r.Member is MethodReference { Name: nameof(OutboxExtensions.AddToOutbox) }
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
