using Lishui.AppHost;
using Lishui.AppHost.Infrastructure;

// The whole platform on one machine: RabbitMQ, PostgreSQL with one database per service, the five
// services, each after its migrations, and the portal after them. Infra:Mode chooses where RabbitMQ
// and PostgreSQL come from.
var builder = DistributedApplication.CreateBuilder(args);
builder.AddStartupTimeline();

try
{
    var infra = builder.AddPlatformInfrastructure(
        InfraModeSelector.Resolve(builder.Configuration),
        databases: ["membershipdb", "assessmentdb", "pairingdb", "projectsdb", "notificationdb", "identitydb"]);
    var (messaging, db) = (infra.Messaging, infra.Databases);

    // Membership encrypts ID-card and phone numbers (PIPL) with keys that never live in the repository.
    var membership = builder.AddPlatformService<Projects.Lishui_Membership>("membership", messaging, db["membershipdb"])
        .WithEnvironment("PersonalData__EncryptionKey", LocalKeys.Get(builder, "PersonalData.EncryptionKey"))
        .WithEnvironment("PersonalData__HashKey", LocalKeys.Get(builder, "PersonalData.HashKey"));
    var assessment = builder.AddPlatformService<Projects.Lishui_Assessment>("assessment", messaging, db["assessmentdb"]);
    var pairing = builder.AddPlatformService<Projects.Lishui_Pairing>("pairing", messaging, db["pairingdb"]);
    var projects = builder.AddPlatformService<Projects.Lishui_PracticalProjects>("projects", messaging, db["projectsdb"]);

    // Notification asks the owners for contact details at delivery time (service discovery by name).
    var notification = builder.AddPlatformService<Projects.Lishui_Notification>("notification", messaging, db["notificationdb"])
        .WithReference(membership).WithReference(pairing).WithReference(projects);

    // Local sign-in: a development OpenID provider whose tokens the services accept as the town's.
    var identity = builder.AddDevIdentity(db["identitydb"]);
    foreach (var service in new[] { membership, assessment, pairing, projects, notification })
    {
        service.WithDevIdentity(identity);
    }

    // The public web board reads the services' public endpoints (service discovery by name); signed-in
    // people come through the provider.
    builder.AddPortal(membership, assessment, pairing, projects, notification).WithDevIdentitySignIn(identity);

    // Subscribing government systems get their own broker users, made through the management API.
    if (infra.BrokerManagement is { } management)
    {
        notification.WithEnvironment("PublicEvents__RabbitMqManagement", management);
    }
}
catch (InfraSetupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Build().Run();
return 0;
