using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Notification.Domain;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Lishui.Notification.Tests;

/// <summary>
/// A small town, told to Notification the way Membership tells it (events on the real broker): 鹤峰村
/// with a party group under it, another village, a member in each (each with the welcome in their
/// inbox), and a webhook subscriber registered for the external system the matrix's token names.
/// </summary>
public sealed class SecuredNotification : IAsyncLifetime
{
    public const string MatrixExternalSystem = "matrix-external";

    public NotificationHost Host { get; private set; } = null!;

    public Guid Hefeng { get; } = Guid.CreateVersion7();

    public Guid HefengGroup { get; } = Guid.CreateVersion7();

    public Guid OtherVillage { get; } = Guid.CreateVersion7();

    /// <summary>In 鹤峰村's party group: inside the subtree of 鹤峰村's secretary.</summary>
    public Guid OwnMember { get; } = Guid.CreateVersion7();

    public Guid OtherMember { get; } = Guid.CreateVersion7();

    public Guid OwnNotification { get; private set; }

    public Guid OtherNotification { get; private set; }

    public Guid Subscriber { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await NotificationHost.StartAsync(new Dictionary<string, string?>());
        var now = DateTimeOffset.UtcNow;
        await Host.PublishAsync(Organisation(Hefeng, null, "鹤峰村党总支", now));
        await Host.PublishAsync(Organisation(HefengGroup, Hefeng, "鹤峰村第一党小组", now));
        await Host.PublishAsync(Organisation(OtherVillage, null, "沥东村党委", now));
        await Eventually.MatchAsync(() => Host.WithDbAsync(db => db.Organisations.CountAsync(o => o.OrganisationId == Hefeng || o.OrganisationId == HefengGroup || o.OrganisationId == OtherVillage)),
            n => n == 3, because: "the organisations reached Notification");
        await Host.PublishAsync(Member(OwnMember, "梁文辉", HefengGroup, now));
        await Host.PublishAsync(Member(OtherMember, "陈国平", OtherVillage, now));
        OwnNotification = await WelcomeAsync(OwnMember);
        OtherNotification = await WelcomeAsync(OtherMember);

        using var admin = Host.CreateClient();
        var registered = await admin.PostAsJsonAsync("/public-events/subscribers", new
        {
            name = "matrix-system", contact = "信息中心", delivery = "Webhook", allowedTypes = new[] { "cn.gov.lishui.projects.project-approved.v1" },
            webhookUrl = "https://matrix-system.example.org/hook", clientId = MatrixExternalSystem,
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        Subscriber = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriber").GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private async Task<Guid> WelcomeAsync(Guid member) =>
        (await Eventually.MatchAsync(
            () => Host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == member && n.Kind == NotificationKind.Welcome).Select(n => n.Id).ToListAsync()),
            ids => ids.Count == 1, because: "the welcome is in the inbox")).Single();

    private static OrganisationCreated Organisation(Guid id, Guid? parent, string name, DateTimeOffset at) =>
        new OrganisationCreated { ParentId = parent, Name = name, Kind = parent is null ? OrganisationKind.GeneralBranch : OrganisationKind.Branch, EconomicCooperative = null }.About(id, id, 1, at);

    private static MemberRegistered Member(Guid id, string name, Guid organisation, DateTimeOffset at) =>
        new MemberRegistered { MemberId = id, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2015, 7, 1) }.About(id, organisation, 1, at);
}

/// <summary>Access in Notification: the matrix from the OpenAPI document, then the named cases.</summary>
public sealed class SecurityTests(SecuredNotification town, ITestOutputHelper output) : IClassFixture<SecuredNotification>
{
    [Fact]
    public async Task Every_operation_answers_every_role_as_its_documented_rule_says()
    {
        using var client = town.Host.ClientWith(null);
        var world = new MatrixWorld { OwnOrganisation = town.Hefeng, OwnMember = town.OwnMember }
            .Kind("member", town.OwnMember, town.OtherMember, ofOwnMember: true)
            .Kind("notification", town.OwnNotification, town.OtherNotification, ofOwnMember: true)
            .Kind("organisation", town.HefengGroup, town.OtherVillage)
            .Sample("key", "welcome")
            .Sample("locale", "zh-CN")
            .Sample("file", "cn.gov.lishui.projects.project-approved.v1.json")
            .Sample("id", town.Subscriber); // the matrix's external system's own subscriber

        await AuthorisationMatrix.AssertAsync(town.Host.Services, client, world, output);
    }

    [Fact]
    public async Task Hefengs_secretary_reads_the_inbox_of_a_member_in_its_subtree_but_not_of_another_village()
    {
        using var secretary = town.Host.ClientWith(TestTokens.Secretary(town.Hefeng));

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/members/{town.OwnMember}/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/members/{town.OtherMember}/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync($"/members/{town.OtherMember}/preferences", new { locale = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsync($"/notifications/{town.OtherNotification}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/deliveries")).StatusCode); // the town's log, not a village's
    }

    [Fact]
    public async Task A_member_reads_and_marks_their_own_inbox_and_nobody_elses()
    {
        using var member = town.Host.ClientWith(TestTokens.Member(town.OwnMember));

        var inbox = await member.GetFromJsonAsync<JsonElement>($"/members/{town.OwnMember}/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == town.OwnNotification);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/members/{town.OwnMember}/preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/members/{town.OtherMember}/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/members/{town.OtherMember}/preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/notifications/{town.OtherNotification}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_reach_the_public_event_catalogue_and_nothing_else()
    {
        using var anonymous = town.Host.ClientWith(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public-events/types")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public-events/asyncapi.json")).StatusCode);
        var refused = await anonymous.GetAsync($"/members/{town.OwnMember}/notifications");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/public-events/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/templates/welcome/zh-CN", new { title = "x", body = "{{name}}" })).StatusCode);
    }

    [Fact]
    public async Task An_auditor_reads_the_delivery_log_and_templates_but_changes_nothing()
    {
        using var auditor = town.Host.ClientWith(TestTokens.Auditor());

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/templates/welcome/zh-CN")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PutAsJsonAsync("/templates/welcome/zh-CN", new { title = "审计", body = "{{name}}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/notifications/{town.OwnNotification}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Marking_a_whole_inbox_read_is_on_the_audit_trail_under_the_member()
    {
        var member = Guid.CreateVersion7();
        await town.Host.PublishAsync(new MemberRegistered { MemberId = member, Name = "何美玲", Status = MemberStatus.Full, JoinedOn = new DateOnly(2018, 7, 1) }
            .About(member, town.HefengGroup, 1, DateTimeOffset.UtcNow));
        await Eventually.MatchAsync(() => town.Host.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == member && n.ReadAt == null)),
            n => n > 0, because: "the welcome is in the new member's inbox");
        using var own = town.Host.ClientWith(TestTokens.Member(member, "member-he"));

        var marked = await own.PostAsync($"/members/{member}/notifications/read", null);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(0, await town.Host.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == member && n.ReadAt == null)));
        using var auditor = town.Host.ClientWith(TestTokens.Auditor());
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/audit-trail?actor=member-he");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(("POST", $"/members/{member}/notifications/read"), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task A_change_is_on_the_audit_trail_under_the_tokens_caller_not_the_body()
    {
        using var admin = town.Host.ClientWith(TestTokens.TownAdministrator("admin-wang"));
        var edit = await admin.PutAsJsonAsync("/templates/digest/en", new { title = "Your reminders", body = "{{name}}: {{count}}\n{{items}}", changedBy = "someone-else" });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        Assert.Equal("admin-wang", (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changedBy").GetString());

        var trail = await admin.GetFromJsonAsync<JsonElement>("/audit-trail?actor=admin-wang");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(("PUT", "/templates/digest/en"), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString()));
    }
}
