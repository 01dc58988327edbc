using Lishui.Assessment.Data;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Features.Governance;
using Lishui.Assessment.Features.History;
using Lishui.Assessment.Features.Ledger;
using Lishui.Assessment.Features.Notices;
using Lishui.Assessment.Features.Objections;
using Lishui.Assessment.Features.Schemes;
using Lishui.Assessment.Features.Standings;
using Lishui.Assessment.Features.Statistics;
using Lishui.Assessment.Messaging;
using Lishui.Assessment.Security;
using Lishui.Shared.Hosting;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;

namespace Lishui.Assessment;

/// <summary>考核服务（量化积分）: schemes, the points ledger, standings, closing a year and its public notice, the governance-effectiveness list.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";

    public static IHostApplicationBuilder AddAssessment(this IHostApplicationBuilder builder)
    {
        var batch = ConsumerBatchOptions.From(builder.Configuration);
        builder.AddPlatformService<AssessmentDbContext, AssessmentScopes>(ServiceName, AssessmentDbContext.ConnectionName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
            bus.AddBatchConsumer<AttendanceRecordedConsumer>(batch);
            bus.AddBatchConsumer<PartyMassDiscussionAttendanceConsumer>(batch);
            bus.AddBatchConsumer<ContactLoggedConsumer>(batch);
            bus.AddBatchConsumer<HouseholdVisitedConsumer>(batch);
            bus.AddBatchConsumer<AttendanceFactConsumer>(batch);
            bus.AddBatchConsumer<ContactLoggedFactConsumer>(batch);
            bus.AddBatchConsumer<ContactOverdueFactConsumer>(batch);
            bus.AddBatchConsumer<RequestAnsweredFactConsumer>(batch);
            bus.AddBatchConsumer<RequestOverdueFactConsumer>(batch);
            bus.AddBatchConsumer<ProjectStatusFactConsumer>(batch);
            bus.AddLocalHouseholdView<AssessmentDbContext>();
        });
        return builder;
    }

    public static WebApplication MapAssessmentApi(this WebApplication app) =>
        app.MapPlatformService<AssessmentDbContext>(api =>
        {
            // This service's view of the roll: a secretary names an organisation of their subtree.
            api.MapLocalMembers<AssessmentDbContext>().RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.OrganisationInQuery);
            api.MapCreateScheme();
            api.MapGetScheme();
            api.MapListSchemes();
            api.MapReviseScheme();
            api.MapReopenScheme();
            api.MapGetRoll();
            api.MapAddLedgerEntry();
            api.MapAddLedgerEntries();
            api.MapReverseLedgerEntry();
            api.MapListSubjectLedger();
            api.MapGetStandings();
            api.MapCloseYear();
            api.MapGetPublicNotice();
            api.MapListPublicNotices();
            api.MapExportNotice();
            api.MapGetGovernanceList();
            api.MapFileObjection();
            api.MapAnswerObjection();
            api.MapListPublicObjections();
            api.MapListObjections();
            api.MapFinaliseResults();
            api.MapImportResults();
            api.MapListImportedResults();
            api.MapVillageStatistics();
        });
}
