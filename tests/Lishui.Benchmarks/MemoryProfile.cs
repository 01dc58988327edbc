using System.Globalization;

namespace Lishui.Benchmarks;

/// <summary>
/// Where a process's resident memory is, from <c>/proc/PID/smaps</c>: mapped managed assemblies, native
/// libraries (the runtime, ICU, OpenSSL), JIT-compiled code (the runtime's W^X double mapping) and
/// anonymous memory (the GC heap, native allocations, thread stacks). Beside the floor's, it shows how
/// much of a service's footprint is the code it loads rather than the data it holds.
/// </summary>
public sealed record MemoryProfile(double AssembliesMb, int Assemblies, double NativeMb, double JitCodeMb, double AnonymousMb, double OtherMb)
{
    public static string Header => $"{"assemblies MB (n)",18} {"native .so MB",14} {"JIT code MB",12} {"anon MB",8} {"other MB",9}";

    public static MemoryProfile Of(int pid)
    {
        double assemblies = 0, native = 0, jit = 0, anonymous = 0, other = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length == 6 ? fields[5].Trim() : "";
                continue;
            }

            if (!line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                continue;
            }

            var mb = long.Parse(fields[1], CultureInfo.InvariantCulture) / 1024.0;
            if (current.EndsWith(".dll", StringComparison.Ordinal))
            {
                assemblies += mb;
                names.Add(current);
            }
            else if (current.Contains(".so", StringComparison.Ordinal))
            {
                native += mb;
            }
            else if (current.Contains("doublemapper", StringComparison.Ordinal))
            {
                jit += mb;
            }
            else if (current is "" or "[heap]" || current.StartsWith("[anon", StringComparison.Ordinal) || current.StartsWith("[stack", StringComparison.Ordinal))
            {
                anonymous += mb;
            }
            else
            {
                other += mb;
            }
        }

        return new MemoryProfile(assemblies, names.Count, native, jit, anonymous, other);
    }

    public override string ToString() =>
        $"{$"{AssembliesMb:F1} ({Assemblies})",18} {NativeMb,14:F1} {JitCodeMb,12:F1} {AnonymousMb,8:F1} {OtherMb,9:F1}";
}
