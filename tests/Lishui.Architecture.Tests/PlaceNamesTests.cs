using System.Text;

namespace Lishui.Architecture.Tests;

/// <summary>
/// The town is 里水镇 and the village 鹤峰村. Their homophones slip in easily (an input method offers
/// them first), so every text file of the repository is read for them: templates, demo data, documents,
/// scripts, tests.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PlaceNamesTests
{
    // Written as escapes so this file does not itself contain the wrong names.
    private static readonly string[] Homophones = ["\u6CA5\u6C34", "\u548C\u4E30"];

    private static readonly string[] TextExtensions =
        [".cs", ".json", ".md", ".py", ".sh", ".yaml", ".yml", ".txt", ".csv", ".razor", ".css", ".js", ".html", ".props", ".csproj", ".xml", ".http"];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts", ".git", ".infra"];

    [Fact]
    public void No_file_names_the_town_or_the_village_by_a_homophone()
    {
        var root = RepositoryRoot();
        var found = TextFiles(root)
            .SelectMany(file => File.ReadLines(file, Encoding.UTF8)
                .Select((line, index) => (file, line, number: index + 1)))
            .Where(l => Homophones.Any(l.line.Contains))
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "里水镇 and 鹤峰村 are written as homophones in:\n" + string.Join('\n', found.Take(20)));
    }

    [Fact]
    public void The_scan_reads_the_demo_data_and_the_templates()
    {
        var files = TextFiles(RepositoryRoot()).Select(f => f.Replace('\\', '/')).ToList();

        Assert.Contains(files, f => f.EndsWith("deploy/local/demo-data/lishui.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("Domain/Templates/DefaultTemplates.cs", StringComparison.Ordinal));
        Assert.Contains(Homophones, h => "欢迎来到\u6CA5\u6C34镇".Contains(h, StringComparison.Ordinal));
    }

    private static IEnumerable<string> TextFiles(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => TextExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Lishui.Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
