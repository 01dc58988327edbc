using System.Collections.Concurrent;
using Lishui.Notification.Domain.Templates;

namespace Lishui.Notification.Data;

/// <summary>
/// The newest edited version of each template, read once and kept briefly: every message needs its
/// wording and the wording changes a few times a year. An edit in this process drops its entry at
/// once; an edit made by another replica is seen within <see cref="Lifetime"/>. Bounded by
/// construction: one entry per known template and supported locale.
/// </summary>
public sealed class TemplateCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Key, string Locale), Entry> entries = new();

    /// <summary>True with the cached newest version (null: none edited, the default applies) when it is fresh.</summary>
    public bool TryGet(TemplateKind kind, string locale, out MessageTemplate? template)
    {
        if (entries.TryGetValue((kind.Key, locale), out var entry) && time.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            template = entry.Template;
            return true;
        }

        template = null;
        return false;
    }

    /// <param name="readAt">A timestamp (<see cref="TimeProvider.GetTimestamp"/>) taken before the read, so an edit committed during it is not hidden for a whole lifetime.</param>
    public void Set(TemplateKind kind, string locale, MessageTemplate? template, long readAt)
    {
        if (LocaleMustBeSupportedRule.Supported.Contains(locale) && TemplateKind.All.ContainsKey(kind.Key))
        {
            entries[(kind.Key, locale)] = new Entry(template, readAt);
        }
    }

    public void Invalidate(string key, string locale) => entries.TryRemove((key, locale), out _);

    public long Timestamp() => time.GetTimestamp();

    private sealed record Entry(MessageTemplate? Template, long ReadAt);
}
