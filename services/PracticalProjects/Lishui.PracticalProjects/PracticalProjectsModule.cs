using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Features.Opinions;
using Lishui.PracticalProjects.Features.Projects;
using Lishui.PracticalProjects.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.PracticalProjects;

/// <summary>我为群众办实事: projects from proposal to evaluation, and household opinion collections.</summary>
public static class PracticalProjectsModule
{
    public const string ServiceName = "projects";

    public static IHostApplicationBuilder AddPracticalProjects(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<ProjectsDbContext>(ProjectsDbContext.ConnectionName);
        builder.AddPlatformMessaging<ProjectsDbContext>(ServiceName, bus => bus.AddConsumer<MemberRegisteredConsumer>(), withLocalMemberView: true);
        return builder;
    }

    public static WebApplication MapPracticalProjectsApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapLocalMembers<ProjectsDbContext>();
        app.MapProposeProject();
        app.MapChangeProject();
        app.MapQueryProjects();
        app.MapOpinions();
        return app;
    }
}
