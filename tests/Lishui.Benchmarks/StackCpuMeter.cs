using System.Globalization;

namespace Lishui.Benchmarks;

/// <summary>
/// CPU spent by this process and by the servers listening on the given local ports (PostgreSQL with
/// every backend it forked, RabbitMQ), from /proc. On a machine shared with other work the
/// machine-wide busy time counts that work too; this figure counts only the stack under test.
/// A server's exited children are included through its cutime/cstime once it has reaped them.
/// </summary>
public sealed class StackCpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int[] servers;
    private readonly Dictionary<int, (int Root, double Seconds)> start;

    private StackCpuMeter(int[] servers)
    {
        this.servers = servers;
        start = Snapshot();
    }

    /// <summary>The servers found (for the report); empty when /proc could not tell.</summary>
    public IReadOnlyList<int> ServerPids => servers;

    public static StackCpuMeter Start(params int[] ports) => new([.. ports.Select(ListenerPid).OfType<int>().Distinct()]);

    /// <summary>CPU time since <see cref="Start"/>: this process, the servers and their live or reaped children.</summary>
    public TimeSpan Read() => TimeSpan.FromSeconds(ReadParts().Sum(p => p.Value.TotalSeconds));

    /// <summary>
    /// The same, by part: key 0 is this process; a server's key is its index in the ports given to
    /// <see cref="Start"/> plus one (its children counted with it), for a report of where the CPU went.
    /// </summary>
    public IReadOnlyDictionary<int, TimeSpan> ReadParts()
    {
        var now = Snapshot();
        var part = new Dictionary<int, int> { [Environment.ProcessId] = 0 };
        for (var i = 0; i < servers.Length; i++)
        {
            part[servers[i]] = i + 1;
        }

        return now.GroupBy(p => part.GetValueOrDefault(p.Value.Root, -1))
            .ToDictionary(g => g.Key, g => TimeSpan.FromSeconds(g.Sum(p => p.Value.Seconds - (start.TryGetValue(p.Key, out var s) ? s.Seconds : 0))));
    }

    // pid → its root (this process or a server) and CPU seconds (own time, plus reaped children's for the roots).
    private Dictionary<int, (int Root, double Seconds)> Snapshot()
    {
        var result = new Dictionary<int, (int Root, double Seconds)>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        var roots = new HashSet<int>(servers) { Environment.ProcessId };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (roots.Contains(pid))
            {
                result[pid] = (pid, stat.Own + stat.Reaped);
            }
            else if (roots.Contains(stat.Parent))
            {
                result[pid] = (stat.Parent, stat.Own);
            }
        }

        return result;
    }

    private static (int Parent, double Own, double Reaped)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name in parentheses (which may hold spaces): state ppid … utime stime cutime cstime.
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            double T(int i) => long.Parse(f[i], CultureInfo.InvariantCulture) / TicksPerSecond;
            return (int.Parse(f[1], CultureInfo.InvariantCulture), T(11) + T(12), T(13) + T(14));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // gone meanwhile
        }
    }

    /// <summary>The process holding the listening TCP socket on 127.0.0.1/any address at this port.</summary>
    private static int? ListenerPid(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; the inode is field 9.
                if (f.Length > 9 && f[3] == "0A" && int.Parse(f[1][(f[1].IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{f[9]}]");
                }
            }
        }

        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"{dir}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a process that ended meanwhile, or one we may not look into
            }
        }

        return null;
    }
}
