using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>Records each MemberRegistered it applies; a member named "poison" always fails.</summary>
public sealed class RecordingConsumer(TestDbContext db, TimeProvider time) : IdempotentConsumer<MemberRegistered, TestDbContext>(db)
{
    public const string PoisonName = "poison";

    protected override Task HandleAsync(MemberRegistered message, CancellationToken ct)
    {
        Db.Effects.Add(EffectOf(message, time));
        return Task.CompletedTask;
    }

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
        Db.Effects.AddRange(messages.Select(m => RecordingConsumer.EffectOf(m, time)));
        return Task.CompletedTask;
    }
}
