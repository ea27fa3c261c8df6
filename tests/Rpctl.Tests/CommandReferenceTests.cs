using Xunit;

namespace Rpctl.Tests;

/// <summary>docs/commands.md is current, and every command explains itself with a summary and an example.</summary>
public sealed class CommandReferenceTests
{
    [Fact]
    public void Docs_command_reference_is_current()
    {
        var path = Path.Combine(RepoRoot(), "docs", "commands.md");
        var expected = CommandReference.Generate();
        if (Environment.GetEnvironmentVariable("RPCTL_UPDATE_DOCS") == "1")
            File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/commands.md is missing; run with RPCTL_UPDATE_DOCS=1 to generate it");
        Assert.True(File.ReadAllText(path) == expected,
            "docs/commands.md is stale; regenerate with: RPCTL_UPDATE_DOCS=1 dotnet test tests/Rpctl.Tests --filter CommandReferenceTests");
    }

    [Fact]
    public void Every_command_has_a_summary_and_an_example()
    {
        var missing = CommandReference.Walk(CommandReference.BuildRoot(), "rpctl").Skip(1)
            .Where(c => CommandReference.Summary(c.Command).Length == 0 || !(c.Command.Description ?? "").Contains("\n\nExamples:\n  ", StringComparison.Ordinal))
            .Select(c => c.Path).ToList();
        Assert.True(missing.Count == 0, "commands without a summary or an example: " + string.Join(", ", missing));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rpctl.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Rpctl.slnx) not found");
    }
}
