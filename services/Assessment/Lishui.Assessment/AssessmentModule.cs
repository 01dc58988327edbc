using Lishui.Assessment.Data;
using Lishui.Assessment.Features.Closing;
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

/// <summary>考核服务（量化积分）: schemes, the points ledger, standings, closing a year and its public notice.</summary>
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
        }, withLocalMemberView: true);
        return builder;
    }

    public static WebApplication MapAssessmentApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<AssessmentDbContext>();
        app.MapCreateScheme();
        app.MapGetScheme();
        app.MapReviseScheme();
        app.MapAddLedgerEntry();
        app.MapReverseLedgerEntry();
        app.MapGetStandings();
        app.MapCloseYear();
        app.MapGetPublicNotice();
        app.MapFileObjection();
        app.MapAnswerObjection();
        app.MapFinaliseResults();
        return app;
    }
}
