using Lishui.Assessment;
using Lishui.Assessment.Data;
using Lishui.Shared.Hosting;

await ServiceHost.RunAsync<AssessmentDbContext>(
    args,
    AssessmentDbContext.ConnectionName,
    builder => builder.AddServiceDefaults().AddAssessment(),
    app => app.MapDefaultEndpoints().MapAssessmentApi());
