using Lishui.AppHost;
using Lishui.AppHost.Infrastructure;

// The whole platform on one machine: RabbitMQ, PostgreSQL with one database per service, and the
// five services, each after its migrations. Infra:Mode chooses where RabbitMQ and PostgreSQL come from.
var builder = DistributedApplication.CreateBuilder(args);

try
{
    var infra = builder.AddPlatformInfrastructure(
        InfraModeSelector.Resolve(builder.Configuration),
        databases: ["membershipdb", "assessmentdb", "pairingdb", "projectsdb", "notificationdb"]);
    var (messaging, db) = (infra.Messaging, infra.Databases);

    builder.AddPlatformService<Projects.Lishui_Membership>("membership", messaging, db["membershipdb"]);
    builder.AddPlatformService<Projects.Lishui_Assessment>("assessment", messaging, db["assessmentdb"]);
    builder.AddPlatformService<Projects.Lishui_Pairing>("pairing", messaging, db["pairingdb"]);
    builder.AddPlatformService<Projects.Lishui_PracticalProjects>("projects", messaging, db["projectsdb"]);
    builder.AddPlatformService<Projects.Lishui_Notification>("notification", messaging, db["notificationdb"]);
}
catch (InfraSetupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Build().Run();
return 0;
