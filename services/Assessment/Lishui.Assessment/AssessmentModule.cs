using Lishui.Assessment.Data;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Features.Governance;
using Lishui.Assessment.Features.Ledger;
using Lishui.Assessment.Features.Notices;
using Lishui.Assessment.Features.Objections;
using Lishui.Assessment.Features.Schemes;
using Lishui.Assessment.Features.Standings;
using Lishui.Assessment.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.Assessment;

/// <summary>考核服务（量化积分）: schemes, the points ledger, standings, closing a year and its public notice, the governance-effectiveness list.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";

    public static IHostApplicationBuilder AddAssessment(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<AssessmentDbContext>(AssessmentDbContext.ConnectionName);
        builder.AddPlatformMessaging<AssessmentDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
            bus.AddConsumer<AttendanceRecordedConsumer>();
            bus.AddConsumer<ContactLoggedConsumer>();
            bus.AddConsumer<HouseholdVisitedConsumer>();
            bus.AddConsumer<HouseholdRegisteredConsumer>();
            bus.AddConsumer<HouseholdChangedConsumer>();
            bus.AddConsumer<AttendanceFactConsumer>();
            bus.AddConsumer<ContactLoggedFactConsumer>();
            bus.AddConsumer<ContactOverdueFactConsumer>();
            bus.AddConsumer<RequestAnsweredFactConsumer>();
            bus.AddConsumer<RequestOverdueFactConsumer>();
            bus.AddConsumer<ProjectStatusFactConsumer>();
        }, withLocalMemberView: true, withLocalOrganisationView: true);
        return builder;
    }

    public static WebApplication MapAssessmentApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<AssessmentDbContext>();
        app.MapCreateScheme();
        app.MapGetScheme();
        app.MapReviseScheme();
        app.MapReopenScheme();
        app.MapGetRoll();
        app.MapAddLedgerEntry();
        app.MapReverseLedgerEntry();
        app.MapGetStandings();
        app.MapCloseYear();
        app.MapGetPublicNotice();
        app.MapExportNotice();
        app.MapGetGovernanceList();
        app.MapFileObjection();
        app.MapAnswerObjection();
        app.MapFinaliseResults();
        return app;
    }
}
