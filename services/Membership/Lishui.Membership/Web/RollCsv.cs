using System.Text;

namespace Lishui.Membership.Web;

/// <summary>The roll as a village secretary keeps it in a spreadsheet: Chinese column headers, one member per row.</summary>
public static class RollCsv
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string BirthDate = "出生日期";
    public const string IdNumber = "身份证号";
    public const string Phone = "手机号码";
    public const string JoinedOn = "入党日期";
    public const string FullMemberOn = "转正日期";
    public const string Organisation = "所属组织";

    public static readonly IReadOnlyList<string> Headers = [Name, Gender, BirthDate, IdNumber, Phone, JoinedOn, FullMemberOn, Organisation];

    /// <summary>The column an API field is entered in, for row errors.</summary>
    public static string ColumnOf(string field) => field switch
    {
        "name" => Name,
        "gender" => Gender,
        "birthDate" => BirthDate,
        "idNumber" => IdNumber,
        "phone" => Phone,
        "joinedOn" => JoinedOn,
        "fullMemberOn" => FullMemberOn,
        "organisationId" => Organisation,
        _ => field,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GBK (code page 936, what
    /// Excel on a Chinese Windows saves as "CSV").
    /// </summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> data = bytes;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        try
        {
            return (StrictUtf8.GetString(data), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (System.Text.Encoding.GetEncoding(936).GetString(bytes), "GBK");
        }
    }

    /// <summary>
    /// RFC 4180 records: commas, double quotes (doubled inside a quoted field), CRLF or LF line ends,
    /// line breaks inside quotes. Each record carries the spreadsheet row it starts on (the header is row 1).
    /// </summary>
    public static List<(int Row, string[] Fields)> Parse(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields.ToArray()));
                    fields.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray()));
        }

        // Blank lines (a spreadsheet's trailing rows) are not members.
        return records.Where(r => r.Item2.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
    }

    /// <summary>What is wrong with the header row: missing, unknown and repeated columns (empty lists when right).</summary>
    public static (List<string> Missing, List<string> Unknown, List<string> Repeated) CheckHeaders(string[] header)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Headers.Where(h => !names.Contains(h)).ToList();
        var unknown = names.Where(n => !Headers.Contains(n)).Select(n => n.Length == 0 ? "（空白列名）" : n).ToList();
        var repeated = names.Where(Headers.Contains).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return (missing, unknown, repeated);
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A leading =, +, - or @ would be a formula in a spreadsheet; quote and prefix it with '.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
