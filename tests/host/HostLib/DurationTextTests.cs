using OpenIdds.HostLib;

namespace OpenIdds.Tests.Host.HostLib;

/// <summary>The one duration grammar every host tool reads: what it takes, and what it refuses naming the field, the value and the limit.</summary>
[TestClass]
public class DurationTextTests
{
    [TestMethod]
    [DataRow("90s", 90_000L)]
    [DataRow("15m", 900_000L)]
    [DataRow("15min", 900_000L)]
    [DataRow("1.5h", 5_400_000L)]
    [DataRow("0.5min", 30_000L)]
    [DataRow("2h30m", 9_000_000L)]
    [DataRow("1h30min", 5_400_000L)]
    [DataRow("1d6h", 108_000_000L)]
    [DataRow("1h10m0s", 4_200_000L)]
    [DataRow("250ms", 250L)]
    [DataRow("1m500ms", 60_500L)]
    [DataRow(" 3d ", 259_200_000L)]
    [DataRow("106751991167d", 106_751_991_167L * 86_400_000)]
    public void A_duration_is_numbers_with_units_largest_first(string text, long milliseconds)
    {
        Assert.AreEqual(milliseconds, DurationText.ParseMilliseconds(text, "duration"));
    }

    [TestMethod]
    [DataRow("", "is not a duration")]
    [DataRow("30", "is not a duration: give a number and a unit")]
    [DataRow("3 weeks", "is not a duration")]
    [DataRow("30m1h", "largest first")]
    [DataRow("1h1h", "largest first")]
    [DataRow("-5m", "is not a duration")]
    [DataRow("1.h", "is not a duration")]
    [DataRow("0.0001s", "is 0.1 ms: give a whole number of milliseconds")]
    [DataRow("106751991168d", "is above the limit of 106751991167 days")]
    [DataRow("99999999999999999999999999999999d", "is above the limit of 106751991167 days")]
    [DataRow("99999999999999999999s", "is above the limit of 106751991167 days")]
    public void Anything_else_is_refused_naming_the_field_the_value_and_the_limit(string text, string why)
    {
        var e = Assert.ThrowsExactly<InputException>(() => DurationText.ParseMilliseconds(text, "patient_bolus.lockout"));
        StringAssert.StartsWith(e.Message, $"patient_bolus.lockout '{text}'");
        StringAssert.Contains(e.Message, why);
    }

    [TestMethod]
    public void A_least_duration_is_named_with_the_value_when_it_is_not_reached()
    {
        Assert.AreEqual(100, DurationText.ParseMilliseconds("100ms", "--interval", 100));
        var e = Assert.ThrowsExactly<InputException>(() => DurationText.ParseMilliseconds("10s", "--duration", 30_000));
        Assert.AreEqual("--duration '10s' is 10000 ms, below the least allowed, 30000 ms", e.Message);
    }

    [TestMethod]
    [DataRow("06:00", false, 21_600_000L)]
    [DataRow("6:00", false, 21_600_000L)]
    [DataRow("23:59", false, 86_340_000L)]
    [DataRow("23:59:59", true, 86_399_000L)]
    public void A_time_of_day_is_HH_MM_and_with_seconds_where_asked(string text, bool seconds, long milliseconds)
    {
        Assert.AreEqual(milliseconds, DurationText.ParseTimeOfDay(text, "at", seconds));
    }

    [TestMethod]
    [DataRow("24:00", false, "is outside 00:00-23:59")]
    [DataRow("12:60", false, "is outside 00:00-23:59")]
    [DataRow("06:00:30", false, "is not a time of day (HH:MM, 00:00-23:59)")]
    [DataRow("6h", false, "is not a time of day (HH:MM, 00:00-23:59)")]
    [DataRow("12:00:61", true, "is outside 00:00-23:59")]
    public void A_time_of_day_outside_the_day_or_of_another_shape_is_refused(string text, bool seconds, string why)
    {
        var e = Assert.ThrowsExactly<InputException>(() => DurationText.ParseTimeOfDay(text, "steps[0].at", seconds));
        StringAssert.StartsWith(e.Message, $"steps[0].at '{text}'");
        StringAssert.Contains(e.Message, why);
    }
}
