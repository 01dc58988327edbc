using Lishui.Pairing.Data;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.Pairing;

/// <summary>结对服务: the backbone (database, messaging, local member view); its features arrive with their issues.</summary>
public static class PairingModule
{
    public const string ServiceName = "pairing";

    public static IHostApplicationBuilder AddPairing(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<PairingDbContext>(PairingDbContext.ConnectionName);
        builder.AddPlatformMessaging<PairingDbContext>(ServiceName, bus => bus.AddConsumer<MemberRegisteredConsumer>());
        return builder;
    }

    public static WebApplication MapPairingApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<PairingDbContext>();
        return app;
    }
}
