using System.Net.Http.Json;
using Lishui.Membership.Data;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// The Membership service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker.
/// </summary>
public class MembershipApiFactory() : ServiceApiFactory<Program, MembershipDbContext>("membership", MembershipDbContext.ConnectionName)
{
    /// <summary>Fresh random keys for every run: no key is ever committed.</summary>
    public string EncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string HashKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

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

    /// <summary>Points the service at another broker (e.g. one that is down).</summary>
    protected virtual Uri? BrokerOverride => null;

    protected override Uri Broker => BrokerOverride ?? base.Broker;

    protected override void ConfigureSettings(IWebHostBuilder builder) => ConfigureKeys(builder);

    protected virtual void ConfigureKeys(IWebHostBuilder builder)
    {
        builder.UseSetting("PersonalData:EncryptionKey", EncryptionKey);
        builder.UseSetting("PersonalData:HashKey", HashKey);
    }
}
