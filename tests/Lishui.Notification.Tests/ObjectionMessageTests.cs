using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Notification.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>The secretary is told what an objection says and which one it is, over the real broker and database.</summary>
public sealed class ObjectionMessageTests
{
    // Tuesday 24 November 2026, 10:00 in Lishui (UTC+8).
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_secretarys_message_carries_the_objections_number_and_text()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var secretary = Guid.CreateVersion7();
        var member = Guid.CreateVersion7();
        var village = Guid.CreateVersion7();
        await host.PublishAsync(Registered(secretary, "区淑仪", clock.GetUtcNow(), village));
        await host.PublishAsync(Registered(member, "冯少华", clock.GetUtcNow(), village));
        await host.PublishAsync(new MemberRoleAssigned { MemberId = secretary, Role = "Secretary", AssignedOn = new DateOnly(2024, 1, 1) }
            .About(secretary, village, 2, clock.GetUtcNow()));
        await MemberKnownAsync(host, secretary);
        await MemberKnownAsync(host, member);
        await Eventually.MatchAsync(() => host.WithDbAsync(db => db.Set<Lishui.Notification.Data.LocalRole>().AnyAsync(r => r.MemberId == secretary)), held => held, because: "MemberRoleAssigned consumed");

        var objection = new ObjectionFiled
        {
            NoticeId = Guid.CreateVersion7(), ObjectionId = Guid.CreateVersion7(), SchemeId = Guid.CreateVersion7(), MemberId = member,
            AnswerBy = new DateOnly(2026, 12, 1), Text = "冯少华的志愿服务分偏高，请核实",
        }.About(Guid.CreateVersion7(), village, 1, clock.GetUtcNow());
        await host.PublishAsync(objection);
        await DispatchesAsync(host, objection.EventId);
        await host.DispatchAsync();

        var message = await Eventually.MatchAsync(
            () => host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == secretary && n.Kind == NotificationKind.ObjectionFiled).ToListAsync()),
            found => found.Count == 1, because: "the secretary's message is delivered");
        var body = message.Single().Body;
        Assert.Contains(objection.ObjectionId.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("冯少华的志愿服务分偏高，请核实", body, StringComparison.Ordinal);
        Assert.Contains("涉及：冯少华", body, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", body, StringComparison.Ordinal);
    }
}
