namespace Lishui.Pairing.Features.Stationing;

/// <summary>
/// 驻点: schedules of town leaders stationed in villages on Tuesday afternoons, and each visit.
/// POST /stationing-schedules, GET /stationing-schedules[/{id}], POST /stationing-schedules/{id}/end,
/// GET|POST /stationing-schedules/{id}/visits, GET /stationing-visits/{id}.
/// </summary>
public static class StationingSchedules
{
    /// <summary>How many weeks of visits a new schedule lays out ahead.</summary>
    public const int HorizonWeeks = 8;

    public static IEndpointRouteBuilder MapStationingSchedules(this IEndpointRouteBuilder api) => api
        .MapCreateStationingSchedule()
        .MapListStationingSchedules()
        .MapGetStationingSchedule()
        .MapEndStationingSchedule()
        .MapListStationingVisits()
        .MapRecordStationingVisit()
        .MapGetStationingVisit();
}
