using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Shared.Hosting;

/// <summary>The composition every service shares; a service's module adds only what is its own.</summary>
public static class PlatformService
{
    /// <summary>
    /// Web conventions, security with the service's scope lookup, its own database and the bus with its
    /// consumers; a service that mirrors Membership (<paramref name="localDirectory"/>) also keeps its
    /// copy of the roll and the organisation tree current.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformService<TDbContext, TScopes>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string connectionName,
        Action<IBusRegistrationConfigurator> consumers,
        bool localDirectory = true)
        where TDbContext : DbContext
        where TScopes : class, IScopeLookup
    {
        builder.AddPlatformWeb();
        builder.AddPlatformSecurity();
        // One instance per request, whether asked for as itself or as the lookup.
        builder.Services.AddScoped<TScopes>();
        builder.Services.AddScoped<IScopeLookup>(sp => sp.GetRequiredService<TScopes>());
        builder.AddServiceDatabase<TDbContext>(connectionName);
        builder.AddPlatformMessaging<TDbContext>(serviceName, bus =>
        {
            consumers(bus);
            if (localDirectory)
            {
                bus.AddLocalMemberView<TDbContext>();
                bus.AddLocalOrganisationView<TDbContext>();
            }
        });
        return builder;
    }

    /// <summary>The middleware, the service's endpoints on the API group, and its audit trail last.</summary>
    public static WebApplication MapPlatformService<TDbContext>(this WebApplication app, Action<RouteGroupBuilder> endpoints)
        where TDbContext : DbContext
    {
        app.UsePlatformWeb();
        app.UsePlatformSecurity();
        var api = app.MapApi();
        endpoints(api);
        api.MapAuditTrail<TDbContext>();
        return app;
    }
}
