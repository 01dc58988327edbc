using Lishui.Membership;
using Lishui.Membership.Data;
using Lishui.Shared.Hosting;

await ServiceHost.RunAsync<MembershipDbContext>(
    args,
    MembershipDbContext.ConnectionName,
    builder => builder.AddServiceDefaults().AddMembership(),
    app => app.MapDefaultEndpoints().MapMembershipApi());
