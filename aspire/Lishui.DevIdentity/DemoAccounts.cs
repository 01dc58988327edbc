using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lishui.DevIdentity;

/// <summary>A demo account: who signs in, and the claims the services read from the token.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, Guid? OrganisationId = null, Guid? MemberId = null);

/// <summary>
/// The demo accounts: the town administrator and the auditor always; the accounts tied to demo people
/// (the 鹤峰村 and 洲村 secretaries, a 鹤峰村 member, a member of the 党建工作办党支部) once the demo seed has
/// created those people and written their ids to <c>dev-accounts.json</c> in the state folder. Every
/// account has the same documented demo password (<c>DevIdentity:DemoPassword</c>): a local tool only.
/// </summary>
public sealed class DemoAccounts(StateFolder state, IConfiguration config, ILogger<DemoAccounts> log)
{
    public const string DefaultPassword = "lishui2026";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly DemoAccount[] BuiltIn =
    [
        new("town-admin", "镇党委管理员", "TownAdministrator"),
        new("auditor", "审计人员", "Auditor"),
    ];

    public IReadOnlyList<DemoAccount> All()
    {
        var seeded = new List<DemoAccount>();
        try
        {
            if (File.Exists(state.AccountsFile))
            {
                seeded.AddRange(JsonSerializer.Deserialize<DemoAccount[]>(File.ReadAllText(state.AccountsFile), Json) ?? []);
            }
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            log.LogWarning(e, "Demo accounts in {File} could not be read", state.AccountsFile);
        }

        return [.. BuiltIn.Where(b => seeded.All(s => s.UserName != b.UserName)), .. seeded];
    }

    public DemoAccount? Find(string? userName) =>
        All().FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.Ordinal));

    public DemoAccount? SignIn(string? userName, string? password)
    {
        var expected = Encoding.UTF8.GetBytes(config["DevIdentity:DemoPassword"] ?? DefaultPassword);
        var given = Encoding.UTF8.GetBytes(password ?? string.Empty);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? Find(userName?.Trim()) : null;
    }
}
