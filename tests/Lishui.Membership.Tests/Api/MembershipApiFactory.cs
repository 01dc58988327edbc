using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lishui.Membership.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// The Membership service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker.
/// </summary>
public class MembershipApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();

    /// <summary>The real broker and database server this factory runs on.</summary>
    public TestInfrastructure Infrastructure => infrastructure;
    private string database = string.Empty;

    /// <summary>This service's database (connection string), e.g. for pg_dump.</summary>
    public string Database => database;

    /// <summary>Fresh random keys for every run: no key is ever committed.</summary>
    public string EncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string HashKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        database = await infrastructure.CreateDatabaseAsync("membership");
        await using var db = new MembershipDbContext(new DbContextOptionsBuilder<MembershipDbContext>().UseNpgsql(database).Options);
        await db.Database.MigrateAsync();
    }

    private readonly SemaphoreSlim townLock = new(1, 1);
    private Guid? town;

    /// <summary>The town party committee, the one root of this database's tree (created on first use).</summary>
    public async Task<Guid> TownAsync()
    {
        await townLock.WaitAsync();
        try
        {
            town ??= await CreateOrganisationAsync(new { name = "里水镇党委", kind = "PartyCommittee" });
            return town.Value;
        }
        finally
        {
            townLock.Release();
        }
    }

    /// <summary>A fresh branch under the town committee: tests that count members count within it.</summary>
    public async Task<Guid> NewBranchAsync(string name = "党建工作办党支部") =>
        await CreateOrganisationAsync(new { name, kind = "Branch", parentId = await TownAsync() });

    /// <summary>Registers a member through the API and returns its id.</summary>
    public async Task<Guid> RegisterMemberAsync(Guid organisation, string name = "张三", string birthDate = "1980-05-01",
        string joinedOn = "2005-07-01", string? fullMemberOn = "2006-07-01", string? idNumber = null, string? phone = null, string? email = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/members", new
        {
            name, gender = "Male", birthDate, joinedOn, fullMemberOn, organisationId = organisation, idNumber = idNumber ?? TestIdNumbers.For(birthDate), phone, email,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> CreateOrganisationAsync(object body)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/organisations", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Clients from <c>CreateClient()</c> act as a town administrator, so tests about other things need no token.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    /// <summary>A client sending <paramref name="token"/> (see <see cref="TestTokens"/>), or no token at all when null.</summary>
    public HttpClient ClientWith(string? token)
    {
        return CreateClient().WithToken(token);
    }

    /// <summary>Points the service at another broker (e.g. one that is down).</summary>
    protected virtual Uri? BrokerOverride => null;

    public async Task<T> WithDbAsync<T>(Func<MembershipDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MembershipDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestSecurity.Apply(builder);
        builder.UseSetting($"ConnectionStrings:{MembershipDbContext.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", (BrokerOverride ?? infrastructure.RabbitMq).ToString());
        builder.UseSetting("Messaging:EndpointPrefix", EndpointPrefix);
        ConfigureKeys(builder);
    }

    /// <summary>Each factory consumes on queues of its own, so no other test class's service takes its events.</summary>
    public string EndpointPrefix { get; } = $"membership-test-{Guid.NewGuid():N}"[..28];

    protected virtual void ConfigureKeys(IWebHostBuilder builder)
    {
        builder.UseSetting("PersonalData:EncryptionKey", EncryptionKey);
        builder.UseSetting("PersonalData:HashKey", HashKey);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await infrastructure.DeleteQueuesAsync($"{EndpointPrefix}-member-unqualified-consecutively", $"{EndpointPrefix}-member-unqualified-consecutively_error",
            $"{EndpointPrefix}-member-commended", $"{EndpointPrefix}-member-commended_error",
            $"{EndpointPrefix}-organisational-talk-required", $"{EndpointPrefix}-organisational-talk-required_error");
        await infrastructure.DisposeAsync();
    }
}
