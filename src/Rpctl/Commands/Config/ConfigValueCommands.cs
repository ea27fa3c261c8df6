using System.CommandLine;
using System.CommandLine.Completions;
using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Commands.Config;

/// <summary><c>config get|set|unset KEY</c> on the selected profile: known keys only, values validated.</summary>
internal static class ConfigValueCommands
{
    private static Argument<string> KeyArgument()
    {
        var key = new Argument<string>("KEY") { Description = "One of " + ConfigKeys.Names };
        // The parser asks every argument for completions; keys are offered only while KEY is the word being typed.
        key.CompletionSources.Add(ctx => TypedKey(ctx, key) is null
            ? ConfigKeys.All.Select(k => new CompletionItem(k.Name))
            : []);
        return key;
    }

    /// <summary>The KEY already typed before the word being completed, or null while KEY itself is being typed.</summary>
    private static string? TypedKey(CompletionContext ctx, Argument<string> key) =>
        ctx.ParseResult.GetResult(key)?.Tokens.FirstOrDefault()?.Value is { } typed && typed != ctx.WordToComplete ? typed : null;

    public static Command Get(Invocation inv)
    {
        var key = KeyArgument();
        return new Command("get", CommandExtensions.Describe("Print a value stored in the selected profile (exit 3 when it is not set)",
                "rpctl config get cloud_type", "rpctl --profile work config get region"))
            .With(key)
            .Runs(inv, (parse, _) =>
            {
                var target = ConfigTarget.Resolve(inv);
                var k = ConfigTarget.Key(parse.GetValue(key)!, "KEY");
                if (!target.Config.Values(target.Profile).TryGetValue(k.Name, out var value))
                    throw CliException.NotFound($"{k.Name} is not set in profile '{target.Profile}' (see 'rpctl config show' for the effective value)");
                inv.Context.Out.WriteLine(value);
                return Task.FromResult(ExitCodes.Success);
            });
    }

    public static Command Set(Invocation inv)
    {
        var key = KeyArgument();
        var value = new Argument<string>("VALUE") { Description = "The value; checked like the matching flag" };
        // The valid values of the key typed before it (nothing for free-form keys such as gpu or api_url).
        value.CompletionSources.Add(ctx => (ConfigKeys.Find(TypedKey(ctx, key) ?? "")?.Choices ?? []).Select(c => new CompletionItem(c)));
        return new Command("set", CommandExtensions.Describe("Store a default in the selected profile",
                "rpctl config set cloud_type community", "rpctl config set region US-TX-3,EU-RO-1", "rpctl --profile work config set output json"))
            .With(key, value)
            .Runs(inv, (parse, _) =>
            {
                var target = ConfigTarget.Resolve(inv);
                var k = ConfigTarget.Key(parse.GetValue(key)!, "KEY");
                var canonical = ConfigTarget.Value(k, parse.GetValue(value)!, k.Name);
                target.Config.Set(target.Profile, k.Name, canonical);
                target.Save();
                inv.Output.Note($"{k.Name} = {canonical} in profile '{target.Profile}'");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    public static Command Unset(Invocation inv)
    {
        var key = KeyArgument();
        return new Command("unset", CommandExtensions.Describe("Remove a stored default from the selected profile (the built-in default applies again)",
                "rpctl config unset region"))
            .With(key)
            .Runs(inv, (parse, _) =>
            {
                var target = ConfigTarget.Resolve(inv);
                var k = ConfigTarget.Key(parse.GetValue(key)!, "KEY");
                if (target.Config.Unset(target.Profile, k.Name))
                {
                    target.Save();
                    inv.Output.Note($"{k.Name} removed from profile '{target.Profile}'");
                }
                else
                {
                    inv.Output.Note($"{k.Name} was not set in profile '{target.Profile}'");
                }

                return Task.FromResult(ExitCodes.Success);
            });
    }
}
