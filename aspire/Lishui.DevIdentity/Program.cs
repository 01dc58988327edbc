using Lishui.DevIdentity;

// The development OpenID Connect provider: local sign-in for the portal with demo accounts, tokens the
// services validate exactly as they would the town's provider. Run by the app host only.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDevIdentity();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDevIdentity();
app.Run();
