using Lishui.Pairing;
using Lishui.Pairing.Data;
using Lishui.Shared.Hosting;

await ServiceHost.RunAsync<PairingDbContext>(
    args,
    PairingDbContext.ConnectionName,
    builder => builder.AddServiceDefaults().AddPairing(),
    app => app.MapDefaultEndpoints().MapPairingApi());
