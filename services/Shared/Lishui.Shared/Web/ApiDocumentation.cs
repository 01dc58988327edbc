using System.Reflection;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Lishui.Shared.Web;

/// <summary>
/// What every service's OpenAPI document says beyond its endpoints' own declarations: who publishes it,
/// who may call each operation, and the problem responses the shared pipeline can give. Integrators
/// read it in the API reference (Development); the tests lint it with Spectral's OpenAPI rules.
/// </summary>
public static class ApiDocumentation
{
    public const string ContactName = "里水镇党建工作办";
    public const string ContactEmail = "lishui-platform@example.org";

    /// <summary>The document's options: access rules, descriptions, publisher.</summary>
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeDocument);
        options.AddOperationTransformer(AccessDocumentation.Describe);
        options.AddOperationTransformer(DescribeOperation);
    }

    /// <summary>
    /// The problem responses the shared pipeline can give for each endpoint of <paramref name="api"/>,
    /// added last so the endpoint's own declarations win: 400 when it reads input, 401/403 unless public,
    /// 404 when the route names a resource, 409/422 for changes (concurrency, business rules), 413/415 for
    /// a body (too large, or not of an accepted content type), 429 where anonymous callers are rate-limited.
    /// </summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder api)
        where TBuilder : IEndpointConventionBuilder
    {
        api.Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }

            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
            var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
            var readsBody = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
            var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var isPublic = endpoint.Metadata.OfType<AccessMetadata>().LastOrDefault() is { Rule.IsPublic: true };

            var statuses = new List<int>();
            if (readsBody || ReadsQuery(endpoint, routeNames))
            {
                statuses.Add(StatusCodes.Status400BadRequest);
            }

            if (!isPublic)
            {
                statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            }

            if (routeNames.Count > 0)
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }

            if (isWrite)
            {
                statuses.AddRange([StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]);
            }

            if (readsBody)
            {
                statuses.AddRange([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
            }

            if (endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                statuses.Add(StatusCodes.Status429TooManyRequests);
            }

            foreach (var status in statuses.Where(s => !declared.Contains(s)))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status,
                    status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), ["application/problem+json"]));
            }
        });
        return api;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var service = context.ApplicationServices.GetRequiredService<IHostEnvironment>().ApplicationName.Replace("Lishui.", string.Empty, StringComparison.Ordinal);
        document.Info.Description =
            $"里水镇智慧党建平台 {service} 服务的接口。错误按 RFC 9457 返回问题详情（`type`/`code` 稳定，`title` 为中文，`titleEn` 为英文）；" +
            "每个操作的 `x-lishui-access` 写明谁可以调用。\n\n" +
            $"The API of the Lishui Platform's {service} service. Errors are RFC 9457 problem details (stable `type`/`code`, " +
            "Chinese `title`, English `titleEn`); each operation's `x-lishui-access` says who may call it.";
        document.Info.Contact = new OpenApiContact { Name = ContactName, Email = ContactEmail };

        // "http://host/" and "http://host" are the same server; the trailing slash doubles every path's first '/'.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 0 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var zh = new List<string>();
        var en = new List<string>();
        if (metadata.OfType<AccessMetadata>().LastOrDefault() is { } access)
        {
            var isRead = context.Description.HttpMethod is "GET" or "HEAD";
            var (whoZh, whoEn) = Who(access.Rule, isRead);
            zh.Add($"可调用者：{whoZh}。");
            en.Add($"Who may call it: {whoEn}.");
        }

        var parameters = operation.Parameters?.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        if (parameters.Contains("page") && parameters.Contains("pageSize"))
        {
            zh.Add($"分页返回：page 从 1 起，pageSize 默认 {Paging.DefaultSize}、最多 {Paging.MaxSize}。");
            en.Add($"Paged: page from 1, pageSize {Paging.DefaultSize} by default and at most {Paging.MaxSize}.");
        }

        if (operation.RequestBody is not null)
        {
            zh.Add("请求体逐字段校验，所有字段错误在同一个 400 响应中列出。");
            en.Add("The body is checked field by field; every field's error is listed in one 400 response.");
        }

        var derived = string.Join("", zh) + "\n\n" + string.Join(" ", en);
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? derived : operation.Description + "\n\n" + derived;

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse concrete && ProblemText.TryGetValue(status, out var text))
            {
                concrete.Description = text;
            }
        }

        return Task.CompletedTask;
    }

    private static readonly Dictionary<string, string> ProblemText = new(StringComparer.Ordinal)
    {
        ["400"] = "请求有误（逐字段列出）/ The request is invalid (each field listed)",
        ["401"] = "未提供有效令牌 / No valid token",
        ["403"] = "无权访问该资源 / Not allowed for this caller or resource",
        ["404"] = "未找到 / Not found",
        ["409"] = "与当前状态冲突（已存在或已被他人修改）/ Conflicts with the current state (exists, or changed meanwhile)",
        ["413"] = "请求体过大 / The body is too large",
        ["415"] = "不支持的请求体格式 / The body's content type is not accepted",
        ["422"] = "违反业务规则 / A business rule refuses it",
        ["429"] = "请求过于频繁，请稍后再试 / Too many requests; retry later",
    };

    private static (string Zh, string En) Who(AccessRule rule, bool isRead)
    {
        if (rule.IsPublic)
        {
            return ("任何人，无需登录（匿名调用按来源限流）", "anyone, without signing in (anonymous calls are rate-limited)");
        }

        var grants = new (Grant Grant, string Zh, string En)[]
        {
            (Grant.Town, "镇管理员", "town administrators"),
            (Grant.AuditorRead, "审计员（只读）", "auditors (reading)"),
            (Grant.SecretaryOfSubtree, "所涉组织或其上级组织的书记", "secretaries of the organisation concerned or one above it"),
            (Grant.Self, "党员本人", "the member concerned"),
            (Grant.MemberRead, "党员（只读）", "members (reading)"),
            (Grant.ExternalSystem, "已登记的外部政务系统", "registered external government systems"),
            (Grant.Service, $"持有 {rule.ServiceScope} 权限的平台服务", $"platform services holding the {rule.ServiceScope} scope"),
        }.Where(g => rule.Grants.Contains(g.Grant) && (isRead || g.Grant is not (Grant.AuditorRead or Grant.MemberRead))).ToList();
        return (string.Join("、", grants.Select(g => g.Zh)), string.Join(", ", grants.Select(g => g.En)));
    }

    /// <summary>Whether a handler binds simple values from the query or headers, whose malformed values give a 400.</summary>
    private static bool ReadsQuery(EndpointBuilder endpoint, IReadOnlySet<string> routeNames) =>
        endpoint.Metadata.OfType<MethodInfo>().LastOrDefault()?.GetParameters().Any(p =>
            p.Name is { } name && !routeNames.Contains(name)
            && p.GetCustomAttributes().All(a => a is not IFromServiceMetadata and not FromKeyedServicesAttribute)
            && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var type
            && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
                || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime))) == true;
}
