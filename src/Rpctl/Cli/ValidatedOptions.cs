using System.CommandLine;
using System.Globalization;

namespace Rpctl.Cli;

/// <summary>
/// Numeric and enum options that reject bad values at parse time with one line that names the
/// flag and what is valid (instead of a .NET type name).
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>
    /// The most GPUs any --gpu-count accepts. RunPod's largest machines hold 8–10 GPUs (catalog
    /// maxCount); one bound everywhere keeps pods, endpoints and capacity queries consistent.
    /// </summary>
    public const int MaxGpuCount = 16;

    public static Option<int?> Int(string name, string description, int min, int max = int.MaxValue, string helpName = "N")
    {
        var option = new Option<int?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            var range = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}";
            result.AddError($"invalid value '{token}' for {name}: expected a whole number {range}");
            return null;
        };
        return option;
    }

    public static Option<double?> Decimal(string name, string description, double min, double max = double.MaxValue, string helpName = "N")
    {
        var option = new Option<double?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !double.IsNaN(value) && !double.IsInfinity(value) && value >= min && value <= max)
                return value;
            result.AddError($"invalid value '{token}' for {name}: expected a number of at least {min.ToString(CultureInfo.InvariantCulture)}");
            return null;
        };
        return option;
    }

    /// <summary>A duration such as 90s, 5m, 1h or plain seconds.</summary>
    public static Option<TimeSpan?> Duration(string name, string description, bool mustBePositive = false)
    {
        var option = new Option<TimeSpan?>(name) { Description = description, HelpName = "DURATION" };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            try
            {
                var value = Services.Durations.Parse(name, token);
                if (mustBePositive && value <= TimeSpan.Zero)
                    throw CliException.BadValue(name, token, "expected a duration greater than zero");
                return value;
            }
            catch (CliException e)
            {
                result.AddError(e.Message);
                return null;
            }
        };
        return option;
    }

    /// <summary>A case-insensitive choice; the parsed value is the canonical (lower-case) spelling.</summary>
    public static Option<string?> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join("|", choices) };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var match = choices.FirstOrDefault(c => string.Equals(c, token.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null)
                return match;
            result.AddError($"invalid value '{token}' for {name}: expected one of {string.Join(", ", choices)}");
            return null;
        };
        option.CompletionSources.Add(choices);
        return option;
    }
}
