using System;
using OpenIdds.Firmware.Dosing;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class CalibrationTests
    {
        [TestMethod]
        public void A_calibration_outside_its_range_names_the_value_and_the_limits()
        {
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => new Calibration(0));
            Expect.Mentions(message, new string[] { "calibration", "0 pL/step", "1000..1000000" });
        }

        [TestMethod]
        public void Below_one_nanoliter_per_step_is_refused_as_a_unit_slip()
        {
            Assert.IsFalse(Calibration.InRange(999));
            Assert.IsTrue(Calibration.InRange(Calibration.MinPicolitersPerStep));
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => new Calibration(999));
            Expect.Mentions(message, new string[] { "999 pL/step", "1000..1000000" });
        }

        [TestMethod]
        public void A_calibration_gives_volume_per_steps()
        {
            Calibration calibration = new Calibration(31250);
            Assert.AreEqual(31L, calibration.VolumeOf(1).Value);
            Assert.AreEqual(31250L, calibration.VolumeOf(1000).Value);
            Assert.AreEqual("31.250 nL/step", calibration.ToString());
        }
    }
}
