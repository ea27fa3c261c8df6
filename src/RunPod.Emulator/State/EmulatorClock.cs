using System.Globalization;

namespace RunPod.Emulator.State;

/// <summary>
/// Emulator time = host TimeProvider + an offset stored in the database, so advancing the
/// clock via /_emulator/clock is seen by every process sharing the state file.
/// </summary>
internal sealed class EmulatorClock(TimeProvider timeProvider, StateStore store)
{
    private const string OffsetKey = "clock.offsetSeconds";

    public DateTimeOffset Now(StateTransaction tx) => timeProvider.GetUtcNow() + Offset(tx);

    public DateTimeOffset Now() => store.Read(Now);

    public TimeSpan Offset(StateTransaction tx) =>
        tx.GetSetting(OffsetKey) is { } text ? TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)) : TimeSpan.Zero;

    public TimeSpan Advance(TimeSpan by) => store.Write(tx =>
    {
        var offset = Offset(tx) + by;
        tx.PutSetting(OffsetKey, offset.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
        return offset;
    });

    /// <summary>RFC 3339 UTC, second precision, with Z: the only timestamp shape RunPod's v2 API uses.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
