using Lishui.PracticalProjects;
using Lishui.PracticalProjects.Data;
using Lishui.Shared.Hosting;

await ServiceHost.RunAsync<ProjectsDbContext>(
    args,
    ProjectsDbContext.ConnectionName,
    builder => builder.AddServiceDefaults().AddPracticalProjects(),
    app => app.MapDefaultEndpoints().MapPracticalProjectsApi());
