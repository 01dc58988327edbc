using Lishui.Pairing.Data;
using Lishui.Pairing.Features.Contacts;
using Lishui.Pairing.Features.OrganisationPairings;
using Lishui.Pairing.Features.PairingLists;
using Lishui.Pairing.Features.PartyMassGroups;
using Lishui.Pairing.Features.Reminders;
using Lishui.Pairing.Features.ServicePositions;
using Lishui.Pairing.Features.Stationing;
using Lishui.Pairing.Features.Statistics;
using Lishui.Pairing.Features.Study;
using Lishui.Pairing.Features.ThisTuesday;
using Lishui.Pairing.Messaging;
using Lishui.Pairing.Security;
using Lishui.Shared.Hosting;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;

namespace Lishui.Pairing;

/// <summary>
/// 结对服务: organisation pairings, member pairing lists, contact logs (with the overdue check), the
/// Tuesday study calendar with reminders, stationing visits and the resident requests raised at them.
/// </summary>
public static class PairingModule
{
    public const string ServiceName = "pairing";

    public static IHostApplicationBuilder AddPairing(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<PairingDbContext, PairingScopes>(ServiceName, PairingDbContext.ConnectionName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
        });
        builder.Services.Configure<ContactOverdueOptions>(builder.Configuration.GetSection("Pairing:ContactOverdue"));
        builder.Services.AddScoped<ContactOverdueCheck>();
        builder.Services.AddHostedService<ContactOverdueWorker>();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Pairing:Reminders"));
        builder.Services.AddScoped<ReminderCheck>();
        builder.Services.AddHostedService<ReminderWorker>();
        return builder;
    }

    public static WebApplication MapPairingApi(this WebApplication app) =>
        app.MapPlatformService<PairingDbContext>(api =>
        {
            // This service's view of the roll: a secretary names an organisation of their subtree.
            api.MapLocalMembers<PairingDbContext>().RequireAccess(PairingAccess.SubtreeRead, PairingAccess.OrganisationInQuery);
            api.MapCreateOrganisationPairing();
            api.MapManageOrganisationPairing();
            api.MapSetPins();
            api.MapGetPins();
            api.MapPairingList();
            api.MapGetPartners();
            api.MapLogContact();
            api.MapListContacts();
            api.MapListMemberPairs();
            api.MapContactCompliance();
            api.MapContactStatus();
            api.MapStudySchedule();
            api.MapStudySessions();
            api.MapMemberStudyAttendance();
            api.MapStudyCalendar();
            api.MapStationingSchedules();
            api.MapResidentRequests();
            api.MapResidentContact();
            api.MapThisTuesday();
            api.MapPublicThisTuesday();
            api.MapCreateServicePosition();
            api.MapManageServicePositions();
            api.MapPublicServicePositions();
            api.MapRecordDiscussion();
            api.MapReadDiscussions();
            api.MapVillageStatistics();
        });
}
