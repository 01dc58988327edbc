using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain;
using Lishui.PracticalProjects.Features.Batches;
using Lishui.PracticalProjects.Features.EchoWall;
using Lishui.PracticalProjects.Features.Funds;
using Lishui.PracticalProjects.Features.Opinions;
using Lishui.PracticalProjects.Features.Overdue;
using Lishui.PracticalProjects.Features.Projects;
using Lishui.PracticalProjects.Features.Public;
using Lishui.PracticalProjects.Features.Requests;
using Lishui.PracticalProjects.Features.Statistics;
using Lishui.PracticalProjects.Messaging;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Hosting;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;

namespace Lishui.PracticalProjects;

/// <summary>
/// 我为群众办实事: resident requests to answers or projects, projects from proposal to evaluation with
/// grants, milestones and ratings, household opinion collections, the echo wall, overdue checks and the public view.
/// </summary>
public static class PracticalProjectsModule
{
    public const string ServiceName = "projects";

    public static IHostApplicationBuilder AddPracticalProjects(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<ProjectsDbContext, PracticalProjectsScopes>(ServiceName, ProjectsDbContext.ConnectionName, bus =>
        {
            bus.AddConsumer<MemberRegisteredConsumer>();
            bus.AddConsumer<ResidentRequestRaisedConsumer>();
            bus.AddLocalHouseholdView<ProjectsDbContext>();
        });
        builder.Services.Configure<OverdueOptions>(builder.Configuration.GetSection("Projects:Overdue"));
        builder.Services.AddScoped<OverdueCheck>();
        builder.Services.AddHostedService<OverdueWorker>();
        return builder;
    }

    public static WebApplication MapPracticalProjectsApi(this WebApplication app) =>
        app.MapPlatformService<ProjectsDbContext>(api =>
        {
            api.MapLocalMembers<ProjectsDbContext>().RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery);
            api.MapProposeProject();
            api.MapChangeProject();
            api.MapQueryProjects();
            api.MapOpinions();
            api.MapSignatures();
            api.MapHouseholdRegister();
            api.MapListOpinionCollections();
            api.MapSpecialFunds();
            api.MapProjectBatches();
            api.MapProjectRecords();
            api.MapRecordRequest();
            api.MapRequestSteps();
            api.MapQueryRequests();
            api.MapRequesterContacts();
            api.MapPublicRequestStatus();
            api.MapReportNotSolved();
            api.MapPublicProjects();
            api.MapEchoWall();
            api.MapVillageStatistics();
        });
}
