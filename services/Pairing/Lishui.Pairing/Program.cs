using Lishui.Pairing;
using Lishui.Pairing.Data;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<PairingDbContext>(args, PairingDbContext.ConnectionName))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPairing();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPairingApi();
app.Run();
