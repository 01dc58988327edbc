using Lishui.Pairing.Data;
using Lishui.Pairing.Features.Contacts;
using Lishui.Pairing.Features.OrganisationPairings;
using Lishui.Pairing.Features.PairingLists;
using Lishui.Pairing.Features.Reminders;
using Lishui.Pairing.Features.Stationing;
using Lishui.Pairing.Features.Study;
using Lishui.Pairing.Features.ThisTuesday;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
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
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<PairingDbContext>(PairingDbContext.ConnectionName);
        builder.AddPlatformMessaging<PairingDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
        }, withLocalMemberView: true, withLocalOrganisationView: true);
        builder.Services.Configure<ContactOverdueOptions>(builder.Configuration.GetSection("Pairing:ContactOverdue"));
        builder.Services.AddScoped<ContactOverdueCheck>();
        builder.Services.AddHostedService<ContactOverdueWorker>();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Pairing:Reminders"));
        builder.Services.AddScoped<ReminderCheck>();
        builder.Services.AddHostedService<ReminderWorker>();
        return builder;
    }

    public static WebApplication MapPairingApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<PairingDbContext>();
        app.MapCreateOrganisationPairing();
        app.MapManageOrganisationPairing();
        app.MapSetPins();
        app.MapPairingList();
        app.MapGetPartners();
        app.MapLogContact();
        app.MapContactCompliance();
        app.MapStudySchedule();
        app.MapStudySessions();
        app.MapStudyCalendar();
        app.MapStationingSchedules();
        app.MapResidentRequests();
        app.MapResidentContact();
        app.MapThisTuesday();
        return app;
    }
}
