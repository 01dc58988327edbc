using System.Text;

namespace Lishui.Assessment.Web;

/// <summary>The one CSV writer of this service's downloads (the notices' open data, the governance list).</summary>
public static class Csv
{
    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    public static void Row(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
