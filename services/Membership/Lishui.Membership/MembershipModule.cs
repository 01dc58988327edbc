using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Features;
using Lishui.Membership.Features.ChangeMemberDetails;
using Lishui.Membership.Features.ChangeMemberStatus;
using Lishui.Membership.Features.Commendations;
using Lishui.Membership.Features.OrganisationalTalks;
using Lishui.Membership.Features.Contact;
using Lishui.Membership.Features.ExportMembers;
using Lishui.Membership.Features.MemberImports;
using Lishui.Membership.Features.WithdrawalAdvice;
using Lishui.Membership.Features.Households;
using Lishui.Membership.Features.Roles;
using Lishui.Membership.Features.TransferMember;
using Lishui.Membership.Features.GetMember;
using Lishui.Membership.Features.ListMembers;
using Lishui.Membership.Features.Organisations;
using Lishui.Membership.Features.RegisterMember;
using Lishui.Membership.Messaging;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Shared.Hosting;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;

namespace Lishui.Membership;

public static class MembershipModule
{
    public const string ServiceName = "membership";

    public static IHostApplicationBuilder AddMembership(this IHostApplicationBuilder builder)
    {
        // Checked first: without its keys the service must not start at all (see PersonalDataKeys).
        builder.Services.AddSingleton(PersonalDataKeys.From(builder.Configuration));
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton<IPersonalDataProtector>(sp => sp.GetRequiredService<PersonalDataProtector>());
        builder.AddPlatformService<MembershipDbContext, MembershipScopes>(ServiceName, MembershipDbContext.ConnectionName, bus =>
        {
            bus.AddConsumer<MemberUnqualifiedConsecutivelyConsumer>();
            bus.AddConsumer<MemberCommendedConsumer>();
            bus.AddConsumer<OrganisationalTalkRequiredConsumer>();
        }, localDirectory: false);

        // Village secretaries' spreadsheets are often saved as GBK.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        builder.Services.AddSingleton<MemberImportSignal>();
        builder.Services.AddScoped<MemberImportRunner>();
        builder.Services.AddHostedService<MemberImportWorker>();
        builder.Services.Configure<CohortOptions>(builder.Configuration.GetSection(CohortOptions.Section));
        builder.Services.AddSingleton<MemberResponses>();
        builder.Services.Configure<OrganisationalTalkOptions>(builder.Configuration.GetSection(OrganisationalTalkOptions.Section));
        builder.Services.AddScoped<OrganisationalTalkOverdueCheck>();
        builder.Services.AddHostedService<OrganisationalTalkOverdueWorker>();
        return builder;
    }

    public static WebApplication MapMembershipApi(this WebApplication app) =>
        app.MapPlatformService<MembershipDbContext>(api =>
        {
            api.MapRegisterMember();
            api.MapExportMembers();
            api.MapGetMember();
            api.MapListMembers();
            api.MapChangeMemberDetails();
            api.MapMemberContact();
            api.MapMemberImports();
            api.MapWithdrawalAdviceCases();
            api.MapCommendations();
            api.MapOrganisationalTalks();
            api.MapChangeMemberStatus();
            api.MapTransferMember();
            api.MapMemberRoles();
            api.MapHouseholds();
            api.MapCreateOrganisation();
            api.MapChangeOrganisation();
            api.MapQueryOrganisations();
            api.MapListOrganisations();
        });
}
