using Dapr.Client;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Delivery.Channels;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Features.Deliveries;
using Lishui.Notification.Features.Inbox;
using Lishui.Notification.Features.Preferences;
using Lishui.Notification.Features.Templates;
using Lishui.Notification.Messaging;
using Lishui.Notification.Messaging.Triggers;
using Lishui.Notification.Security;
using Lishui.Shared.Hosting;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;

namespace Lishui.Notification;

public static class NotificationModule
{
    public const string ServiceName = "notification";

    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TemplateCache>();
        builder.Services.AddScoped<ITemplateLibrary, TemplateLibrary>();
        builder.AddDelivery();
        builder.AddPlatformService<NotificationDbContext, NotificationScopes>(ServiceName, NotificationDbContext.ConnectionName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
            bus.AddConsumer<MemberRoleAssignedConsumer>();
            bus.AddConsumer<MemberRoleRevokedConsumer>();
            bus.AddConsumer<StudySessionReminderDueConsumer>();
            bus.AddConsumer<StationingVisitReminderDueConsumer>();
            bus.AddConsumer<ContactOverdueConsumer>();
            bus.AddConsumer<AssessmentNoticePublishedConsumer>();
            bus.AddConsumer<ObjectionFiledConsumer>();
            bus.AddConsumer<OrganisationalTalkRequiredConsumer>();
            bus.AddConsumer<MemberCommendedConsumer>();
            bus.AddConsumer<OrganisationalTalkOverdueConsumer>();
            bus.AddConsumer<WithdrawalAdviceCaseOpenedConsumer>();
            bus.AddConsumer<ResidentRequestAnsweredConsumer>();
            bus.AddConsumer<ResidentRequestReopenedConsumer>();
            bus.AddConsumer<ResidentRequestTurnedIntoProjectConsumer>();
            bus.AddConsumer<ProjectOverdueConsumer>();
        });
        return builder;
    }

    /// <summary>
    /// The dispatcher and its channels. E-mail needs Notification:Email:Host; SMS and instant
    /// messages need a Dapr binding name (Notification:Sms:Binding, Notification:InstantMessage:Binding).
    /// Contacts come from Membership (and Pairing/PracticalProjects for residents) by service discovery.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.Configure<DeliveryOptions>(config.GetSection(DeliveryOptions.Section));
        builder.Services.Configure<EmailOptions>(config.GetSection(EmailOptions.Section));
        builder.Services.Configure<DaprBindingOptions>(SmsChannel.Name, config.GetSection("Notification:Sms"));
        builder.Services.Configure<DaprBindingOptions>(InstantMessageChannel.Name, config.GetSection("Notification:InstantMessage"));
        builder.Services.Configure<DaprSidecarOptions>(config.GetSection(DaprSidecarOptions.Section));
        builder.Services.AddSingleton<IExternalChannel, EmailChannel>();
        builder.Services.AddSingleton<IExternalChannel, SmsChannel>();
        builder.Services.AddSingleton<IExternalChannel, InstantMessageChannel>();

        // Built on first use only: a service without SMS or IM bindings never talks to a sidecar.
        builder.Services.AddSingleton(sp =>
        {
            var dapr = new DaprClientBuilder();
            if (sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DaprSidecarOptions>>().Value.GrpcEndpoint is { Length: > 0 } endpoint)
            {
                dapr.UseGrpcEndpoint(endpoint);
            }

            return dapr.Build();
        });

        // Contacts are read with Notification's own identity: a client-credentials token with
        // the one scope the contact endpoints accept, never a user's token.
        builder.Services.AddHttpClient<MembershipContacts>(http => http.BaseAddress = new Uri(config["Notification:Membership:BaseAddress"] ?? "http://membership"))
            .WithServiceToken(PlatformScopes.ContactsRead);
        builder.Services.AddHttpClient(ResidentContacts.ClientName(ResidentContacts.Pairing), http => http.BaseAddress = new Uri(config["Notification:Pairing:BaseAddress"] ?? "http://pairing"))
            .WithServiceToken(PlatformScopes.ContactsRead);
        builder.Services.AddHttpClient(ResidentContacts.ClientName(ResidentContacts.Projects), http => http.BaseAddress = new Uri(config["Notification:Projects:BaseAddress"] ?? "http://projects"))
            .WithServiceToken(PlatformScopes.ContactsRead);
        builder.Services.AddScoped<ResidentContacts>();
        builder.Services.AddScoped<DispatchPlanner>();
        builder.Services.AddScoped<DispatchSteps>();
        builder.Services.AddScoped<AudienceExpansion>();
        builder.Services.AddScoped<MemberDelivery>();
        builder.Services.AddScoped<ResidentDelivery>();
        builder.Services.AddScoped<ChannelAttempts>();
        builder.Services.AddScoped<DispatchProcessor>();
        builder.Services.AddHostedService<DeliveryDispatcher>();
        return builder;
    }

    public static WebApplication MapNotificationApi(this WebApplication app) =>
        app.MapPlatformService<NotificationDbContext>(api =>
        {
            api.MapInbox();
            api.MapTemplates();
            api.MapPreferences();
            api.MapDeliveries();
            // This service's view of the roll: a secretary names an organisation of their subtree.
            api.MapLocalMembers<NotificationDbContext>().RequireAccess(NotificationAccess.ReadSubtree, NotificationAccess.OrganisationInQuery);
        });
}
