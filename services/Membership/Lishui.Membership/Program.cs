using Lishui.Membership;
using Lishui.Membership.Data;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<MembershipDbContext>(args, MembershipDbContext.ConnectionName))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMembership();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMembershipApi();
app.Run();

