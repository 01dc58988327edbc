using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>Records each MemberRegistered it applies; a member named "poison" always fails.</summary>
public sealed class RecordingConsumer(TestDbContext db, TimeProvider time) : IdempotentConsumer<MemberRegistered, TestDbContext>(db)
{
    public const string PoisonName = "poison";

    /// <summary>
    /// The organisation of every event these tests publish. Other test assemblies running at the same
    /// time publish MemberRegistered on the same broker and exchange, so it reaches these queues too;
    /// only this assembly's events are recorded, or a test counting effects would count theirs.
    /// </summary>
    public static readonly Guid Organisation = Guid.Parse("019acb1e-5eed-7a11-8e55-a9e5ea9e1001");

    protected override Task HandleAsync(MemberRegistered message, CancellationToken ct)
    {
        Db.Effects.AddRange(Ours([message]).Select(m => EffectOf(m, time)));
        return Task.CompletedTask;
    }

    public static IEnumerable<MemberRegistered> Ours(IEnumerable<MemberRegistered> messages) =>
        messages.Where(m => m.OrganisationId == Organisation);

    public static Effect EffectOf(MemberRegistered message, TimeProvider time) =>
        message.Name == PoisonName
            ? throw new InvalidOperationException("This message can never be processed.")
            : new Effect
            {
                EventId = message.EventId,
                Name = message.Name,
                TraceId = Activity.Current?.TraceId.ToString(),
                AppliedAt = time.GetUtcNow(),
            };
}

/// <summary>The same effects, a batch at a time (queue <c>{prefix}-recording-batch</c>).</summary>
public sealed class RecordingBatchConsumer(TestDbContext db, TimeProvider time) : IdempotentBatchConsumer<MemberRegistered, TestDbContext>(db)
{
    protected override Task HandleBatchAsync(IReadOnlyList<MemberRegistered> messages, CancellationToken ct)
    {
        Db.Effects.AddRange(RecordingConsumer.Ours(messages).Select(m => RecordingConsumer.EffectOf(m, time)));
        return Task.CompletedTask;
    }
}
