using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Notification.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

public sealed class CommendationMessageTests
{
    // Tuesday 24 November 2026, 10:00 in Lishui: outside quiet hours.
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_commended_member_is_told_once_in_chinese()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var member = Guid.CreateVersion7();
        await host.PublishAsync(Registered(member, "何丽娟", clock.GetUtcNow()));
        await MemberKnownAsync(host, member);

        var commended = new MemberCommended { MemberId = member, SchemeId = Guid.CreateVersion7(), NoticeId = Guid.CreateVersion7(), Year = 2025 }
            .About(Guid.CreateVersion7(), Hefeng, 3, clock.GetUtcNow());
        await host.PublishAsync(commended);
        await host.PublishAsync(commended);

        var inbox = await Eventually.MatchAsync(async () =>
        {
            await host.DispatchAsync();
            return await host.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == member && n.Kind == NotificationKind.MemberCommended).ToListAsync());
        }, n => n.Count > 0, because: "the commendation message delivered");
        await host.DispatchAsync();

        var message = Assert.Single(await host.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == member && n.Kind == NotificationKind.MemberCommended).ToListAsync()));
        Assert.Equal("2025年度优秀党员表彰", message.Title);
        Assert.Contains("何丽娟同志", message.Body);
        Assert.Contains("评为优秀", message.Body);
        Assert.Single(inbox);
    }
}
