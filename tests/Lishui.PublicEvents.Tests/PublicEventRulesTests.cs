using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.PublicEvents.Features;
using Lishui.Notification.PublicEvents.Webhooks;
using Lishui.PublicEvents.Tests.Infrastructure;

namespace Lishui.PublicEvents.Tests;

/// <summary>The rules of the public events, without broker or database.</summary>
[Trait("Category", "Unit")]
public sealed class PublicEventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_member_registration_goes_public_without_the_name_and_with_only_the_year_of_joining()
    {
        var internalEvent = Events.MemberRegistered(Now);

        var draft = Assert.Single(PublicEventMapping.From(internalEvent));

        var data = Assert.IsType<MemberRegisteredV1>(draft.Data);
        Assert.Equal(2019, data.JoinedYear);
        Assert.Equal(DataClassification.Internal, draft.Type.Classification);
        Assert.DoesNotContain("陈丽华", JsonSerializer.Serialize(data, PublicJson.Options));
        Assert.Equal(internalEvent.MemberId.ToString(), draft.Subject);
    }

    [Theory]
    [InlineData("Approved", "cn.gov.lishui.projects.project-approved.v1")]
    [InlineData("Completed", "cn.gov.lishui.projects.project-completed.v1")]
    [InlineData("InProgress", null)]
    [InlineData("Cancelled", null)]
    public void Only_approval_and_completion_of_a_project_are_public(string status, string? type)
    {
        var drafts = PublicEventMapping.From(Events.ProjectStatus(Now, status)).ToList();

        Assert.Equal(type, drafts.SingleOrDefault()?.Type.Type);
    }

    [Fact]
    public void The_cloudevent_is_structured_json_with_every_required_attribute_and_a_stable_id()
    {
        var internalEvent = Events.NoticePublished(Now);
        var draft = PublicEventMapping.From(internalEvent).Single();
        var id = CloudEventWriter.IdOf(internalEvent.EventId, draft.Type.Type);

        var json = CloudEventWriter.Encode(draft, id, new Uri("https://events.example/"));
        var parsed = CloudEventWriter.Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(json), new System.Net.Mime.ContentType(CloudEventWriter.ContentType), [CloudEventWriter.DataClassificationAttribute]);

        Assert.Equal(CloudEventsSpecVersion.V1_0, parsed.SpecVersion);
        Assert.Equal(id.ToString(), parsed.Id);
        Assert.Equal("/lishui/assessment", parsed.Source!.ToString());
        Assert.Equal("cn.gov.lishui.assessment.notice-published.v1", parsed.Type);
        Assert.Equal(internalEvent.NoticeId.ToString(), parsed.Subject);
        Assert.Equal(Now, parsed.Time);
        Assert.Equal("https://events.example/public-events/schemas/cn.gov.lishui.assessment.notice-published.v1.json", parsed.DataSchema!.ToString());
        Assert.Equal("public", parsed[CloudEventWriter.DataClassificationAttribute]);
        Assert.Equal(id, CloudEventWriter.IdOf(internalEvent.EventId, draft.Type.Type));
        Assert.NotEqual(id, CloudEventWriter.IdOf(internalEvent.EventId, "cn.gov.lishui.assessment.notice-published.v2"));
        Assert.Equal(8, id.Version);
    }

    [Fact]
    public void Retries_spread_over_more_than_a_day_then_stop()
    {
        var schedule = new RetrySchedule([]);

        var attempts = new List<DateTimeOffset> { Now };
        while (schedule.NextAttempt(attempts.Count, attempts[^1]) is { } next)
        {
            attempts.Add(next);
        }

        Assert.Equal(8, attempts.Count);
        Assert.True(attempts[^1] - attempts[0] > TimeSpan.FromHours(24));
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Theory]
    [InlineData("https://hooks.nanhai.gov.cn/lishui", false, null)]
    [InlineData("http://hooks.nanhai.gov.cn/lishui", true, "subscriber.webhook-url-not-https")]
    [InlineData("http://127.0.0.1:8080/hook", false, "subscriber.webhook-url-not-https")]
    [InlineData("http://127.0.0.1:8080/hook", true, null)]
    [InlineData("http://localhost/hook", true, null)]
    [InlineData("ftp://hooks.example/x", true, "subscriber.webhook-url-invalid")]
    [InlineData("https://user:pw@hooks.example/x", true, "subscriber.webhook-url-invalid")]
    [InlineData("hooks.example/x", true, "subscriber.webhook-url-invalid")]
    public void A_webhook_url_must_be_https_except_loopback_in_development(string url, bool allowLoopbackHttp, string? code)
    {
        Assert.Equal(code, Subscribers.WebhookUrlProblem(url, allowLoopbackHttp)?.Code);
    }

    [Fact]
    public void A_signature_verifies_only_for_the_same_secret_body_and_a_fresh_timestamp()
    {
        var secret = WebhookSignature.NewSecret();
        var body = Encoding.UTF8.GetBytes("""{"specversion":"1.0"}""");
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(secret, "msg-1", timestamp, body);
        var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(WebhookSignature.Verify(secret, "msg-1", ts, "v1,bogus " + signature, body, Now.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), "msg-1", ts, signature, body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, "msg-2", ts, signature, body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, "msg-1", ts, signature, body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_deprecated_version_is_not_published_after_its_date()
    {
        var type = new PublicEventType("cn.gov.lishui.projects.project-approved.v1", typeof(ProjectApprovedV1), DataClassification.Public, "/lishui/projects",
            new DateOnly(2027, 6, 30), "s", "s");

        Assert.False(type.IsDeprecatedOn(new DateOnly(2027, 6, 30)));
        Assert.True(type.IsDeprecatedOn(new DateOnly(2027, 7, 1)));
        Assert.Equal(1, type.Version);
    }
}
