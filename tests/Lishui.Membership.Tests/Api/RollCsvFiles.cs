using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lishui.Membership.Tests.Api;

/// <summary>Rolls as a village secretary's spreadsheet saves them, and the calls to import them.</summary>
public static class RollCsvFiles
{
    public const string Header = "姓名,性别,出生日期,身份证号,手机号码,入党日期,转正日期,所属组织";

    /// <summary>One valid row: a new synthetic ID number consistent with the birth date.</summary>
    public static string Row(string organisation, string name = "陈志明", string birthDate = "1975-03-08", string? idNumber = null, string phone = "13800138000",
        string gender = "男", string joinedOn = "1998-07-01", string fullMemberOn = "1999-07-01") =>
        $"{name},{gender},{birthDate},{idNumber ?? TestIdNumbers.For(birthDate)},{phone},{joinedOn},{fullMemberOn},{organisation}";

    public static byte[] Utf8WithBom(IEnumerable<string> lines) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    public static byte[] Gbk(IEnumerable<string> lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936).GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string? mode = null, string? idempotencyKey = null, Guid? organisationId = null)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var query = new[] { mode is null ? null : $"mode={mode}", organisationId is null ? null : $"organisationId={organisationId}" }.OfType<string>().ToList();
        var request = new HttpRequestMessage(HttpMethod.Post, "/member-imports" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query))) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Polls the import until it has finished (Completed or Failed).</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient client, Uri location, TimeSpan? timeout = null) =>
        await Lishui.Testing.Eventually.MatchAsync(() => client.GetFromJsonAsync<JsonElement>(location),
            i => i.GetProperty("status").GetString() is "Completed" or "Failed", timeout, because: "the import should finish");
}
