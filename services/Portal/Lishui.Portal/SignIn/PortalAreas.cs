using System.Security.Claims;
using Lishui.Shared.Security;

namespace Lishui.Portal.SignIn;

/// <summary>A signed-in screen: where it is, its menu label, and the roles that may use it.</summary>
public sealed record PortalArea(string Path, string Label, string Policy, IReadOnlyList<string> Roles)
{
    public bool AllowedFor(ClaimsPrincipal user) => Roles.Any(user.IsInRole);
}

/// <summary>
/// The signed-in screens and who may use them: one table for the menu and for the pages' own rule
/// (<c>[Authorize(Policy = ...)]</c>), so a screen is never in a menu of a role it refuses. The services
/// still decide every call themselves.
/// </summary>
public static class PortalAreas
{
    public const string MemberPolicy = "member";
    public const string SecretaryPolicy = "secretary";
    public const string TownPolicy = "town";
    public const string OversightPolicy = "oversight";

    private static readonly string[] Members = [PlatformRoles.Member];
    private static readonly string[] Secretaries = [PlatformRoles.OrganisationSecretary, PlatformRoles.TownAdministrator];
    private static readonly string[] Town = [PlatformRoles.TownAdministrator];

    // Those who read the whole town's figures without changing anything of it.
    private static readonly string[] Oversight = [PlatformRoles.TownAdministrator, PlatformRoles.Auditor];

    public static readonly IReadOnlyList<PortalArea> All =
    [
        new("/me/points", "我的积分", MemberPolicy, Members),
        new("/me/tuesday", "本周党建星期二", MemberPolicy, Members),
        new("/me/pairing", "我的结对", MemberPolicy, Members),
        new("/me/inbox", "我的消息", MemberPolicy, Members),
        new("/me/preferences", "消息设置", MemberPolicy, Members),
        new("/tuesday/attendance", "星期二签到", SecretaryPolicy, Secretaries),
        new("/roll", "党员名册", SecretaryPolicy, Secretaries),
        new("/town/organisations", "组织架构", TownPolicy, Town),
        new("/pairing", "组织结对", SecretaryPolicy, Secretaries),
        new("/pairing/overdue", "联系逾期", SecretaryPolicy, Secretaries),
        new("/tuesday/calendar", "学习日程", SecretaryPolicy, Secretaries),
        new("/stationing", "驻点", SecretaryPolicy, Secretaries),
        new("/assessment", "积分考核", SecretaryPolicy, Secretaries),
        new("/overview", "数据看板", OversightPolicy, Oversight),
        new("/town/subscribers", "订阅系统", TownPolicy, Town),
        new("/town/deliveries", "投递记录", TownPolicy, Town),
        new("/work/opinions", "征求意见", SecretaryPolicy, Secretaries),
        new("/work/requests", "群众诉求办理", SecretaryPolicy, Secretaries),
        new("/work/projects", "办实事项目管理", SecretaryPolicy, Secretaries),
    ];

    public static IReadOnlyDictionary<string, string[]> Policies { get; } = new Dictionary<string, string[]>
    {
        [MemberPolicy] = Members,
        [SecretaryPolicy] = Secretaries,
        [TownPolicy] = Town,
        [OversightPolicy] = Oversight,
    };

    public static IEnumerable<PortalArea> For(ClaimsPrincipal user) => All.Where(a => a.AllowedFor(user));

    /// <summary>Whether a path is under a signed-in screen (its first segment is one of theirs).</summary>
    public static bool IsSignedIn(string path) =>
        All.Select(a => a.Path).Append("/me").Any(p => path == FirstSegment(p) || path.StartsWith(FirstSegment(p) + "/", StringComparison.Ordinal) || path.StartsWith(FirstSegment(p) + "?", StringComparison.Ordinal));

    private static string FirstSegment(string path) => "/" + path.TrimStart('/').Split('/')[0];

    /// <summary>The role as the person reads it.</summary>
    public static string RoleName(ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.TownAdministrator) ? "镇党委管理员"
        : user.IsInRole(PlatformRoles.OrganisationSecretary) ? "党组织书记"
        : user.IsInRole(PlatformRoles.Auditor) ? "审计"
        : user.IsInRole(PlatformRoles.Member) ? "党员"
        : "未分配角色";
}
