using Lishui.Assessment;
using Lishui.Assessment.Data;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<AssessmentDbContext>(args, AssessmentDbContext.ConnectionName))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAssessment();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAssessmentApi();
app.Run();
