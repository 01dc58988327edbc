using System.Security.Cryptography;
using Lishui.Assessment;
using Lishui.Assessment.Data;
using Lishui.Membership;
using Lishui.Membership.Data;
using Lishui.Notification;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Pairing;
using Lishui.Pairing.Data;
using Lishui.PracticalProjects;
using Lishui.PracticalProjects.Data;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.MalformedInput.Tests;

/// <summary>The five services side by side, each on its own database, for every test of the collection.</summary>
public sealed class FiveServices : IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();

    public ServiceUnderTest Membership { get; private set; } = null!;

    public ServiceUnderTest Assessment { get; private set; } = null!;

    public ServiceUnderTest Pairing { get; private set; } = null!;

    public ServiceUnderTest Projects { get; private set; } = null!;

    public ServiceUnderTest Notification { get; private set; } = null!;

    public IEnumerable<ServiceUnderTest> All => [Membership, Assessment, Pairing, Projects, Notification];

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Membership = await ServiceUnderTest.StartAsync("membership", infrastructure, MembershipDbContext.ConnectionName,
            db => MigrateAsync(new MembershipDbContext(Options<MembershipDbContext>(db))),
            b => b.AddMembership(), a => a.MapMembershipApi(),
            new Dictionary<string, string?>
            {
                ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            });
        Assessment = await ServiceUnderTest.StartAsync("assessment", infrastructure, AssessmentDbContext.ConnectionName,
            db => MigrateAsync(new AssessmentDbContext(Options<AssessmentDbContext>(db))),
            b => b.AddAssessment(), a => a.MapAssessmentApi());
        Pairing = await ServiceUnderTest.StartAsync("pairing", infrastructure, PairingDbContext.ConnectionName,
            db => MigrateAsync(new PairingDbContext(Options<PairingDbContext>(db))),
            b => b.AddPairing(), a => a.MapPairingApi(),
            new Dictionary<string, string?> { ["Pairing:ContactOverdue:Enabled"] = "false", ["Pairing:Reminders:Enabled"] = "false" });
        Projects = await ServiceUnderTest.StartAsync("projects", infrastructure, ProjectsDbContext.ConnectionName,
            db => MigrateAsync(new ProjectsDbContext(Options<ProjectsDbContext>(db))),
            b => b.AddPracticalProjects(), a => a.MapPracticalProjectsApi(),
            new Dictionary<string, string?> { ["Projects:Overdue:Enabled"] = "false" });
        Notification = await ServiceUnderTest.StartAsync("notification", infrastructure, NotificationDbContext.ConnectionName,
            async db =>
            {
                await MigrateAsync(new NotificationDbContext(Options<NotificationDbContext>(db)));
                await MigrateAsync(new PublicEventsDb(Options<PublicEventsDb>(db)));
            },
            b =>
            {
                b.AddNotification();
                b.AddPublicEvents();
            },
            a =>
            {
                a.MapNotificationApi();
                a.MapPublicEvents();
            });
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Notification, Projects, Pairing, Assessment, Membership })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        await infrastructure.DisposeAsync();
    }

    private static DbContextOptions<T> Options<T>(string database)
        where T : DbContext => new DbContextOptionsBuilder<T>().UseNpgsql(database).Options;

    private static async Task MigrateAsync(DbContext db)
    {
        await using (db)
        {
            await db.Database.MigrateAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FiveServicesCollection : ICollectionFixture<FiveServices>
{
    public const string Name = "five services";
}
