using OpenIdds.Firmware.Safety;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>Bursts of synthetic traces with known band content: each sinusoid's energy lands in its own band, about 6,000 x amplitude squared.</summary>
    [TestClass]
    public class PulseBandEnergyTests
    {
        private static PulseBandEnergy Burst(PulseTrace trace)
        {
            PulseBandEnergy bands = new PulseBandEnergy();
            bands.Start();
            for (int n = 0; n < PulseBandEnergy.Samples; n++) bands.Add(trace.At(n * CatheterIntegrityMonitor.SamplePeriodMilliseconds));
            return bands;
        }

        [TestMethod]
        public void A_cardiac_pulse_lands_in_the_cardiac_band()
        {
            PulseTrace trace = new PulseTrace();
            trace.CardiacAmplitudePascals = 133;
            PulseBandEnergy bands = Burst(trace);
            Assert.IsTrue(bands.Complete);
            long expected = 6144L * 133 * 133;
            Assert.IsTrue(bands.CardiacEnergy > expected * 8 / 10 && bands.CardiacEnergy < expected * 12 / 10, "cardiac " + bands.CardiacEnergy.ToString());
            Assert.IsTrue(bands.RespiratoryEnergy * 100 < bands.CardiacEnergy, "respiratory " + bands.RespiratoryEnergy.ToString());
        }

        [TestMethod]
        public void A_respiratory_wave_lands_in_the_respiratory_band()
        {
            PulseTrace trace = new PulseTrace();
            trace.RespiratoryAmplitudePascals = 200;
            PulseBandEnergy bands = Burst(trace);
            long expected = 6144L * 200 * 200;
            Assert.IsTrue(bands.RespiratoryEnergy > expected * 8 / 10 && bands.RespiratoryEnergy < expected * 12 / 10, "respiratory " + bands.RespiratoryEnergy.ToString());
            Assert.IsTrue(bands.CardiacEnergy * 100 < bands.RespiratoryEnergy, "cardiac " + bands.CardiacEnergy.ToString());
        }

        [TestMethod]
        public void A_steady_pressure_with_a_slow_drift_leaves_both_bands_empty()
        {
            PulseTrace trace = new PulseTrace();
            trace.BaselinePascals = 4000;
            trace.RampPascalsPerMinute = 200;
            PulseBandEnergy bands = Burst(trace);
            long tenPascalWave = 6144L * 10 * 10;
            Assert.IsTrue(bands.RespiratoryEnergy < tenPascalWave, "respiratory " + bands.RespiratoryEnergy.ToString());
            Assert.IsTrue(bands.CardiacEnergy < tenPascalWave, "cardiac " + bands.CardiacEnergy.ToString());
        }

        [TestMethod]
        public void The_noise_bins_measure_the_noise_and_the_signals_take_it_off()
        {
            PulseTrace trace = new PulseTrace();
            trace.NoisePascals = 25;
            PulseBandEnergy bands = Burst(trace);
            long expected = 96L * 25 * 25;
            Assert.IsTrue(bands.NoisePerBin > expected / 2 && bands.NoisePerBin < expected * 2, "noise per bin " + bands.NoisePerBin.ToString());
            Assert.IsTrue(bands.CardiacSignal < bands.CardiacEnergy / 2, "cardiac signal " + bands.CardiacSignal.ToString() + " of " + bands.CardiacEnergy.ToString());
            trace.CardiacAmplitudePascals = 133;
            bands = Burst(trace);
            long pulse = 6144L * 133 * 133;
            Assert.IsTrue(bands.CardiacSignal > pulse * 8 / 10 && bands.CardiacSignal < pulse * 12 / 10, "cardiac signal " + bands.CardiacSignal.ToString());
        }
    }
}
