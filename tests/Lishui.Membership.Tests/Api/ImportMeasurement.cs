using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Lishui.Membership.Tests.Api;

/// <summary>Runs only when LISHUI_MEASURE_IMPORT=1: a measurement to report, not a timed test.</summary>
public sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LISHUI_MEASURE_IMPORT") != "1")
        {
            Skip = "measurement: set LISHUI_MEASURE_IMPORT=1 to run";
        }
    }
}

public sealed class ImportMeasurement(MembershipApiFactory api, ITestOutputHelper output) : IClassFixture<MembershipApiFactory>
{
    [MeasureFact]
    public async Task Importing_ten_thousand_members()
    {
        const int count = 10_000;
        var group = await api.NewBranchAsync("万人导入党支部");
        var rng = new Random(20261126);
        var lines = new List<string> { RollCsvFiles.Header };
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 365 * 50));
            lines.Add(RollCsvFiles.Row(group.ToString(), $"测试{i:D5}", birth.ToString("yyyy-MM-dd"), phone: $"13{rng.Next(0, 1_000_000_000):D9}",
                joinedOn: birth.AddYears(20).ToString("yyyy-MM-dd"), fullMemberOn: birth.AddYears(21).ToString("yyyy-MM-dd")));
        }

        var file = RollCsvFiles.Utf8WithBom(lines);
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var clock = Stopwatch.StartNew();
        var response = await RollCsvFiles.PostAsync(client, file);
        var accepted = clock.Elapsed;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var import = await RollCsvFiles.FinishedAsync(client, response.Headers.Location!, TimeSpan.FromMinutes(10));
        var done = clock.Elapsed;

        var ran = import.GetProperty("finishedAt").GetDateTimeOffset() - import.GetProperty("startedAt").GetDateTimeOffset();
        output.WriteLine($"{count} members, {file.Length / 1024} KiB: accepted after {accepted.TotalSeconds:F1} s, " +
            $"the import ran {ran.TotalSeconds:F1} s, completed as seen by the client after {done.TotalSeconds:F1} s");
        Assert.Equal(("Completed", count), (import.GetProperty("status").GetString(), import.GetProperty("imported").GetInt32()));
    }
}
