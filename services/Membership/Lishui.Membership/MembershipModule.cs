using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Features;
using Lishui.Membership.Features.ChangeMemberStatus;
using Lishui.Membership.Features.Households;
using Lishui.Membership.Features.Roles;
using Lishui.Membership.Features.TransferMember;
using Lishui.Membership.Features.GetMember;
using Lishui.Membership.Features.ListMembers;
using Lishui.Membership.Features.Organisations;
using Lishui.Membership.Features.RegisterMember;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.Membership;

public static class MembershipModule
{
    public const string ServiceName = "membership";

    public static IHostApplicationBuilder AddMembership(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<MembershipDbContext>(MembershipDbContext.ConnectionName);
        builder.AddPlatformMessaging<MembershipDbContext>(ServiceName);
        builder.Services.Configure<CohortOptions>(builder.Configuration.GetSection(CohortOptions.Section));
        builder.Services.AddSingleton<MemberResponses>();
        return builder;
    }

    public static WebApplication MapMembershipApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapRegisterMember();
        app.MapGetMember();
        app.MapListMembers();
        app.MapChangeMemberStatus();
        app.MapTransferMember();
        app.MapMemberRoles();
        app.MapHouseholds();
        app.MapCreateOrganisation();
        app.MapChangeOrganisation();
        app.MapQueryOrganisations();
        return app;
    }
}
