using Lishui.Assessment.Data;
using Lishui.Assessment.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.Assessment;

/// <summary>考核服务（量化积分）: the backbone (database, messaging, local member view); its features arrive with their issues.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";

    public static IHostApplicationBuilder AddAssessment(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<AssessmentDbContext>(AssessmentDbContext.ConnectionName);
        builder.AddPlatformMessaging<AssessmentDbContext>(ServiceName, bus => bus.AddConsumer<MemberRegisteredConsumer>());
        return builder;
    }

    public static WebApplication MapAssessmentApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<AssessmentDbContext>();
        return app;
    }
}
