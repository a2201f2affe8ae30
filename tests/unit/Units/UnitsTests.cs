using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class UnitsTests
    {
        [TestMethod]
        public void Volumes_format_as_microliters_with_integer_arithmetic()
        {
            Assert.AreEqual("12.345 uL", new Nanoliters(12345).ToString());
            Assert.AreEqual("0.007 uL", new Nanoliters(7).ToString());
            Assert.AreEqual("-1.500 uL", new Nanoliters(-1500).ToString());
        }

        [TestMethod]
        public void Rates_convert_without_rounding_up()
        {
            Assert.AreEqual(2000L, NanolitersPerHour.FromMicrolitersPerDay(48).Value);
            Assert.AreEqual(100000L, new NanolitersPerHour(100000).Over(Milliseconds.FromHours(1)).Value);
            Assert.AreEqual(27L, new NanolitersPerHour(100000).Over(new Milliseconds(1000)).Value);
        }

        [TestMethod]
        public void Concentration_turns_volume_into_dose_and_back()
        {
            MicrogramsPerMilliliter morphine = new MicrogramsPerMilliliter(10000);
            Assert.AreEqual(1000L, morphine.In(Nanoliters.FromMicroliters(100)).Value);
            Assert.AreEqual(100000L, morphine.VolumeOf(new Micrograms(1000)).Value);
            Assert.AreEqual(429L, new MicrogramsPerMilliliter(7000).VolumeOf(new Micrograms(3)).Value);
        }
    }
}
