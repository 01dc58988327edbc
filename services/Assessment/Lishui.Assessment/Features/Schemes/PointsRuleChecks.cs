using Lishui.Assessment.Domain;
using Lishui.Assessment.Messaging;
using Lishui.Contracts;
using Lishui.Shared.Web;

namespace Lishui.Assessment.Features.Schemes;

/// <summary>
/// A points rule must name an event that exists and that this service scores: a URN with a typo, or
/// one of an event nobody turns into points, would silently never score. Checked against the contracts
/// catalogue and this service's points-giving consumers.
/// </summary>
public static class PointsRuleChecks
{
    private static readonly HashSet<string> Known =
        [.. ContractCatalog.EventTypes.Select(t => PointsRule.EventTypeOf(ContractCatalog.UrnOf(t)))];

    /// <summary>The URNs of the events a PointsFromEventConsumer scores.</summary>
    public static IReadOnlyList<string> Scored { get; } = typeof(PointsRuleChecks).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(PointsFromEventConsumer<>))
        .Select(t => PointsRule.EventTypeOf(ContractCatalog.UrnOf(t.BaseType!.GetGenericArguments()[0])))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<FieldError> Check(IReadOnlyList<PointsRule>? rules)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            if (rule is null || string.IsNullOrWhiteSpace(rule.EventType))
            {
                continue; // the scheme's own rule check names a missing event type
            }

            var type = PointsRule.EventTypeOf(rule.EventType.Trim());
            if (!Known.Contains(type))
            {
                yield return new FieldError($"rules[{i}].eventType", "scheme.rule-event-unknown",
                    $"事件类型 {type} 不存在，请检查拼写。可计分的事件类型：{string.Join("、", Scored)}。",
                    $"No contract has the event type {type}; check its spelling. Events that score: {string.Join(", ", Scored)}.");
                continue;
            }

            if (!Scored.Contains(type))
            {
                yield return new FieldError($"rules[{i}].eventType", "scheme.rule-event-not-scored",
                    $"事件类型 {type} 不计积分。可计分的事件类型：{string.Join("、", Scored)}。",
                    $"The event type {type} does not score points. Events that score: {string.Join(", ", Scored)}.");
                continue;
            }

            if (rule.Outcome is { } outcome)
            {
                var allowed = PointsRule.Outcomes.TryGetValue(type, out var o) ? o : [];
                if (!allowed.Contains(outcome))
                {
                    yield return new FieldError($"rules[{i}].outcome", "scheme.rule-outcome-invalid",
                        allowed.Length == 0 ? $"事件类型 {type} 没有可区分的结果，请不要填写 outcome。" : $"outcome 应为 {string.Join("、", allowed)} 之一（Absent 指无故缺席）。",
                        allowed.Length == 0 ? $"The event type {type} has no outcomes to choose; leave outcome out." : $"outcome must be one of {string.Join(", ", allowed)} (Absent: missed without leave).");
                }
            }
        }
    }
}
