using Lishui.PracticalProjects;
using Lishui.PracticalProjects.Data;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<ProjectsDbContext>(args, ProjectsDbContext.ConnectionName))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPracticalProjects();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPracticalProjectsApi();
app.Run();
