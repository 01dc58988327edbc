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
        if (message.Name == PoisonName)
        {
            throw new InvalidOperationException("This message can never be processed.");
        }

        Db.Effects.Add(new Effect
        {
            EventId = message.EventId,
            Name = message.Name,
            TraceId = Activity.Current?.TraceId.ToString(),
            AppliedAt = time.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
