extern alias membership;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Notification.Delivery;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lishui.Notification.Tests.DeliveryScenario;
using MembershipDb = membership::Lishui.Membership.Data.MembershipDbContext;
using MembershipProgram = membership::Program;
using ResidentIdNumber = membership::Lishui.Membership.Domain.PersonalData.ResidentIdNumber;

namespace Lishui.Notification.Tests;

/// <summary>The real Membership service in process, on its own real database and the real broker.</summary>
public sealed class MembershipHost : WebApplicationFactory<MembershipProgram>
{
    private readonly TestInfrastructure infrastructure = new();
    private string database = string.Empty;

    public string Prefix { get; } = "m" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<MembershipHost> StartAsync()
    {
        var host = new MembershipHost();
        await host.infrastructure.InitializeAsync();
        host.database = await host.infrastructure.CreateDatabaseAsync("membership");
        await using (var db = new MembershipDb(new DbContextOptionsBuilder<MembershipDb>().UseNpgsql(host.database).Options))
        {
            await db.Database.MigrateAsync();
        }

        _ = host.Services;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestSecurity.Apply(builder); // Membership checks Notification's service token with the same test key
        builder.UseSetting($"ConnectionStrings:{MembershipDb.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", infrastructure.RabbitMq.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", Prefix);
        builder.UseSetting("PersonalData:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("PersonalData:HashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await infrastructure.DeleteQueuesAsync($"{Prefix}-member-unqualified-consecutively", $"{Prefix}-member-unqualified-consecutively_error");
        await infrastructure.DisposeAsync();
    }
}

/// <summary>
/// The whole way with the real Membership: a member registered there (with phone and e-mail) reaches
/// Notification through the broker; at delivery Notification asks Membership for the e-mail address
/// (only phone and e-mail, naming itself and the purpose: Membership logs the read) and the e-mail
/// reaches the SMTP server.
/// </summary>
public sealed class MembershipContactTests
{
    [Fact]
    public async Task The_email_address_is_fetched_from_membership_at_delivery_time_and_the_read_is_on_its_log()
    {
        await using var membershipService = await MembershipHost.StartAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var notification = await NotificationHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Notification:Email:Host"] = "127.0.0.1",
                ["Notification:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Notification:Email:Security"] = "None",
            },
            services: s => s.AddHttpClient<MembershipContacts>().ConfigurePrimaryHttpMessageHandler(() => membershipService.Server.CreateHandler()));
        using var membershipApi = membershipService.CreateClient();
        var town = await IdAsync(await membershipApi.PostAsJsonAsync("/organisations", new { name = "里水镇党委", kind = "PartyCommittee" }));
        var first17 = $"440605198005{Random.Shared.Next(1, 29):D2}{Random.Shared.Next(0, 1000):D3}";
        var member = await IdAsync(await membershipApi.PostAsJsonAsync("/members", new
        {
            name = "梁文辉", gender = "Male", birthDate = $"1980-05-{first17[12..14]}", joinedOn = "2005-07-01", fullMemberOn = "2006-07-01",
            organisationId = town, idNumber = first17 + ResidentIdNumber.CheckCharacter(first17), phone = "13800138000", email = "liang.wenhui@hefeng.example",
        }));
        using var notificationApi = notification.CreateClient();
        (await notificationApi.PutAsJsonAsync($"/members/{member}/preferences", new { channels = new[] { "Email" }, quietHours = new { start = "00:00", end = "00:00" } }))
            .EnsureSuccessStatusCode();
        await MemberKnownAsync(notification, member); // Membership's MemberRegistered, through its outbox and the broker

        await notification.PublishAsync(TalkRequired(member, DateTimeOffset.UtcNow));

        await Eventually.MatchAsync(() => Task.FromResult(smtp.Received.Count), n => n > 0, TimeSpan.FromSeconds(60), "the e-mail reached the SMTP server");
        var (_, mail) = Assert.Single(smtp.Received);
        Assert.Equal("liang.wenhui@hefeng.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("组织谈话通知", mail.Subject);
        var reads = await membershipApi.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}&requestedBy=notification");
        var read = Assert.Single(reads.GetProperty("items").EnumerateArray());
        Assert.Equal("notification:email:organisational-talk-required", read.GetProperty("purpose").GetString());
        Assert.Equal(["email", "phone"], read.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Order(StringComparer.Ordinal)); // never the ID-card number
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
