using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>
/// The channels against real counterparts on real PostgreSQL and RabbitMQ: a real SMTP server
/// started by the test, and for SMS a stand-in for the Dapr sidecar (see <see cref="DaprSidecarStandIn"/>).
/// Contact details come from a stand-in for Membership's contact endpoint (see <see cref="MembershipContactStandIn"/>).
/// </summary>
public sealed class ChannelTests
{
    [Fact]
    public async Task An_email_arrives_at_the_smtp_server_with_a_utf8_chinese_subject_and_body()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var membership = await MembershipContactStandIn.StartAsync();
        await using var host = await NotificationHost.StartAsync(Settings(membership, smtp));
        var member = Guid.CreateVersion7();
        membership.Contacts[member] = ("13800138000", "liang.wenhui@hefeng.example");
        await RegisterWithChannelsAsync(host, member, "梁文辉", "Email");

        var talk = TalkRequired(member, DateTimeOffset.UtcNow);
        await host.PublishAsync(talk);

        await Eventually.MatchAsync(() => Task.FromResult(smtp.Received.Count), n => n > 0, TimeSpan.FromSeconds(60), "the e-mail reached the SMTP server");
        var (raw, mail) = Assert.Single(smtp.Received);
        Assert.Equal("组织谈话通知", mail.Subject);
        Assert.StartsWith("梁文辉同志：根据2026年度考核结果，组织将与您进行谈话", mail.TextBody);
        Assert.Equal("liang.wenhui@hefeng.example", mail.To.Mailboxes.Single().Address);
        var headers = Encoding.ASCII.GetString(raw).Split("\r\n\r\n")[0];
        Assert.Contains("Subject: =?utf-8?", headers, StringComparison.OrdinalIgnoreCase); // RFC 2047, UTF-8
        Assert.Equal("utf-8", Assert.IsType<TextPart>(mail.Body).ContentType.Charset, ignoreCase: true);

        var asked = membership.Requests.First(r => r.MemberId == member);
        Assert.Equal(("notification", "notification:email:organisational-talk-required", "phone,email"), (asked.RequestedBy, asked.Purpose, asked.Fields));
        Assert.Equal((null, "notification", PlatformScopes.ContactsRead), (asked.Token.RefusedWith, asked.Token.ClientId, asked.Token.Scope)); // its own identity
        var log = await Eventually.MatchAsync(() => LogAsync(host, talk.EventId), l => l.Any(e => e.Outcome == "Sent"));
        Assert.Contains(log, e => e is { Channel: DeliveryChannel.Inbox, Outcome: "Delivered" });
        Assert.Contains(log, e => e is { Channel: DeliveryChannel.Email, Outcome: "Sent", Attempt: 1 });
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_is_retried_with_backoff_and_falls_back_to_the_inbox()
    {
        await using var smtp = TestSmtpServer.Start(reject: true);
        await using var membership = await MembershipContactStandIn.StartAsync();
        await using var host = await NotificationHost.StartAsync(Settings(membership, smtp, new()
        {
            ["Notification:Delivery:MaxChannelAttempts"] = "3",
            ["Notification:Delivery:RetryBaseDelay"] = "00:00:00.300",
        }));
        var member = Guid.CreateVersion7();
        membership.Contacts[member] = (null, "he.zhenhua@hefeng.example");
        await RegisterWithChannelsAsync(host, member, "何振华", "Email");

        var talk = TalkRequired(member, DateTimeOffset.UtcNow);
        await host.PublishAsync(talk);

        var log = await Eventually.MatchAsync(() => LogAsync(host, talk.EventId), l => l.Any(e => e.Outcome == "FellBackToInbox"), TimeSpan.FromSeconds(60), "the e-mail channel gave up");
        var failures = log.Where(e => e is { Channel: DeliveryChannel.Email, Outcome: "Failed" }).ToList();
        Assert.Equal([1, 2, 3], failures.Select(f => f.Attempt));
        Assert.True(failures[1].At - failures[0].At >= TimeSpan.FromMilliseconds(300) && failures[2].At - failures[1].At >= TimeSpan.FromMilliseconds(600), "backoff doubles");
        Assert.Equal(3, smtp.Refused);
        Assert.DoesNotContain(log, e => e.Detail?.Contains("hefeng.example", StringComparison.Ordinal) == true); // no address in the log

        using var client = host.CreateClient();
        var inbox = await client.GetFromJsonAsync<JsonElement>($"/members/{member}/notifications?unreadOnly=true");
        var fallback = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == nameof(NotificationKind.OrganisationalTalkRequired));
        Assert.Equal("Email", fallback.GetProperty("fallbackFrom").GetString());
        Assert.Equal("组织谈话通知", fallback.GetProperty("title").GetString());
        var emailLog = await client.GetFromJsonAsync<JsonElement>($"/deliveries?recipientId={member}&channel=Email&outcome=Failed&pageSize=2");
        Assert.Equal((3, 2), (emailLog.GetProperty("total").GetInt32(), emailLog.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task An_sms_goes_out_through_the_dapr_output_binding()
    {
        await using var sidecar = await DaprSidecarStandIn.StartAsync();
        await using var membership = await MembershipContactStandIn.StartAsync();
        await using var host = await NotificationHost.StartAsync(Settings(membership, null, new()
        {
            ["Notification:Sms:Binding"] = "notification-sms",
            ["Notification:Dapr:GrpcEndpoint"] = sidecar.Url,
        }));
        var member = Guid.CreateVersion7();
        membership.Contacts[member] = ("13800138000", null);
        await RegisterWithChannelsAsync(host, member, "陈国平", "Sms");

        var talk = TalkRequired(member, DateTimeOffset.UtcNow);
        await host.PublishAsync(talk);

        await Eventually.MatchAsync(() => Task.FromResult(sidecar.Bindings.Count), n => n > 0, TimeSpan.FromSeconds(60),
            $"the binding was invoked (other sidecar calls: {string.Join(", ", sidecar.OtherCalls)})");
        var binding = Assert.Single(sidecar.Bindings);
        Assert.Equal(("notification-sms", "create"), (binding.Name, binding.Operation));
        var data = JsonDocument.Parse(binding.Data.ToByteArray()).RootElement;
        Assert.Equal("13800138000", data.GetProperty("phoneNumber").GetString());
        Assert.StartsWith("【组织谈话通知】陈国平同志", data.GetProperty("text").GetString());
        await Eventually.MatchAsync(() => LogAsync(host, talk.EventId), l => l.Any(e => e is { Channel: DeliveryChannel.Sms, Outcome: "Sent" }));
    }

    private static Dictionary<string, string?> Settings(MembershipContactStandIn membership, TestSmtpServer? smtp, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // Resolved by Aspire service discovery, as in the app host: http://membership → the stand-in.
            ["services:membership:http:0"] = membership.Url,
        };
        if (smtp is not null)
        {
            settings["Notification:Email:Host"] = "127.0.0.1";
            settings["Notification:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Notification:Email:Security"] = "None";
            settings["Notification:Email:From"] = "notice@lishui.example";
        }

        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Registers the member and sets their channels with no quiet hours (the test must not depend on the hour it runs at).</summary>
    private static async Task RegisterWithChannelsAsync(NotificationHost host, Guid member, string name, string channel)
    {
        using var client = host.CreateClient();
        var put = await client.PutAsJsonAsync($"/members/{member}/preferences", new { channels = new[] { channel }, quietHours = new { start = "00:00", end = "00:00" } });
        put.EnsureSuccessStatusCode();
        await host.PublishAsync(Registered(member, name, DateTimeOffset.UtcNow));
        await MemberKnownAsync(host, member);
    }
}
