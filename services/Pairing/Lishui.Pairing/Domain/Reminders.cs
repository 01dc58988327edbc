using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>Which reminder: the evening before, or shortly before the start.</summary>
public enum ReminderLead
{
    EveningBefore,
    HourBefore,
}

/// <summary>
/// When reminders fall due: the evening before (at <see cref="EveningAt"/> town time on the day
/// before) and <see cref="HourBefore"/> ahead of the start. Each is sent once. Once the later
/// reminder is due the earlier one is no longer worth sending (a session moved at short notice),
/// and nothing is sent for a session that has started.
/// </summary>
public sealed record ReminderPolicy(TimeOnly EveningAt, TimeSpan HourBefore)
{
    public ReminderLead? Due(DateTimeOffset startsAt, DateTimeOffset now, bool eveningSent, bool hourSent)
    {
        if (now >= startsAt)
        {
            return null;
        }

        if (now >= startsAt - HourBefore)
        {
            return hourSent ? null : ReminderLead.HourBefore;
        }

        var evening = TownCalendar.At(TownCalendar.DateOf(startsAt).AddDays(-1), EveningAt);
        return now >= evening && !eveningSent ? ReminderLead.EveningBefore : null;
    }
}
