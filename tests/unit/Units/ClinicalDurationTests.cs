using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    /// <summary>Refusals speak in minutes and hours, keeping the exact figure where the units would round it.</summary>
    [TestClass]
    public class ClinicalDurationTests
    {
        [TestMethod]
        public void Durations_read_in_the_two_largest_units_with_the_exact_milliseconds_only_where_rounded()
        {
            Assert.AreEqual("2 h", ClinicalDuration.Of(Milliseconds.FromHours(2)));
            Assert.AreEqual("1 h 30 min", ClinicalDuration.Of(Milliseconds.FromMinutes(90)));
            Assert.AreEqual("17.5 s (17541 ms)", ClinicalDuration.Of(new Milliseconds(17541)));
            Assert.AreEqual("10 min", ClinicalDuration.Of(Milliseconds.FromMinutes(10)));
            Assert.AreEqual("1 d 6 h", ClinicalDuration.Of(Milliseconds.FromHours(30)));
            Assert.AreEqual("1 d (86400001 ms)", ClinicalDuration.Of(new Milliseconds(86400001)));
            Assert.AreEqual("250 ms", ClinicalDuration.Of(new Milliseconds(250)));
            Assert.AreEqual("-2 h", ClinicalDuration.Of(Milliseconds.FromHours(-2)));
            Assert.AreEqual("never", ClinicalDuration.Of(Milliseconds.Never));
        }
    }
}
