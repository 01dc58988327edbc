using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The portal's three forms (objection, echo-wall post, satisfaction rating) posted with seeded random
/// damage: odd characters, huge values, fields missing, doubled or unknown, no antiforgery token, a
/// wrong form name. Whatever arrives, the answer is a page or a refusal, never a server error.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class PortalFormFuzzTests(PlatformFixture platform, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Odd =
        ["\u0000", "\ud800", "\udc00x", "😀", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\r\n\r\n", "１２３", "鹤峰村", "   ", "-1", "1e400", "null", "{\"a\":1,\"a\":2}"];

    [Fact]
    public async Task Damaged_form_posts_never_get_a_server_error()
    {
        await DemoData.EnsureLoadedAsync(platform);
        var portal = platform.App.GetEndpoint("portal", "http");
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LISHUI_FUZZ_SEED"), out var s) ? s : 20261206;
        var random = new Random(seed);
        var pages = new List<string> { "/echo-wall" };
        using (var assessment = platform.Client("assessment"))
        using (var projects = platform.Client("projects"))
        {
            var notices = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(assessment, "/public/notices?pageSize=1");
            pages.Add($"/notices/{notices.GetProperty("items")[0].GetProperty("id").GetGuid()}");
            var done = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(projects, "/public/projects?status=Completed&pageSize=1");
            pages.Add($"/projects/{done.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        }

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var statuses = new SortedDictionary<int, int>();
        var wrong = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(new Uri(portal, path).ToString());
            var fields = await page.EvalOnSelectorAsync<Dictionary<string, string>>("form.form[method=post]",
                "f => Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, String(v)]))");
            for (var i = 0; i < 60; i++)
            {
                var (damage, body) = Damage(fields, random);
                // Each post from its own address, so the residents' limit does not hide what the form does.
                var response = await context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions
                {
                    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-For"] = $"198.18.{i}.{random.Next(1, 250)}" },
                    DataString = body,
                    FailOnStatusCode = false,
                });
                statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
                var text = await response.TextAsync();
                if (response.Status >= 500 || text.Contains("Exception", StringComparison.Ordinal))
                {
                    wrong.Add($"{path} [{damage}] -> {response.Status}");
                }
            }
        }

        var summary = $"portal form fuzz, seed {seed}: {statuses.Values.Sum()} posts, statuses {string.Join(", ", statuses.Select(kv => $"{kv.Key}×{kv.Value}"))}";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static (string Damage, string Body) Damage(Dictionary<string, string> fields, Random random)
    {
        var form = fields.Select(f => (Name: f.Key, f.Value)).ToList();
        var kinds = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var i = random.Next(form.Count);
            switch (random.Next(7))
            {
                case 0:
                    form[i] = (form[i].Name, form[i].Value + Odd[random.Next(Odd.Length)]);
                    kinds.Add($"odd {form[i].Name}");
                    break;
                case 1:
                    form[i] = (form[i].Name, new string('长', random.Next(5_000, 60_000)));
                    kinds.Add($"huge {form[i].Name}");
                    break;
                case 2:
                    kinds.Add($"missing {form[i].Name}");
                    form.RemoveAt(i);
                    break;
                case 3:
                    form.Add((form[i].Name, Odd[random.Next(Odd.Length)]));
                    kinds.Add($"doubled {form[i].Name}");
                    break;
                case 4:
                    form.Add(("Form.Unknown" + random.Next(100), "x"));
                    kinds.Add("unknown field");
                    break;
                case 5:
                    form.RemoveAll(f => f.Name == "__RequestVerificationToken");
                    kinds.Add("no antiforgery token");
                    break;
                default:
                    form.RemoveAll(f => f.Name == "_handler");
                    form.Add(("_handler", "no-such-form"));
                    kinds.Add("wrong form name");
                    break;
            }

            if (form.Count == 0)
            {
                break;
            }
        }

        var body = string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Name)}={Escape(f.Value)}"));
        return (string.Join(", ", kinds), body);
    }

    // Uri.EscapeDataString refuses a lone surrogate: send its UTF-8 bytes as a browser that mangles it would.
    private static string Escape(string value)
    {
        var bytes = new UTF8Encoding(false, false).GetBytes(value);
        return string.Concat(bytes.Select(b => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' ? ((char)b).ToString() : $"%{b:X2}"));
    }
}
