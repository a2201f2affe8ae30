using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// CATHETER-BURST-IN-ERI: the charge the catheter integrity check's pressure samples draw, in the
    /// battery model the ERI/EOS estimate uses. Each sample wakes the MCU, excites the pressure sensor
    /// and converts (<see cref="SupervisorSettings.CatheterSamplePicoampereHours"/>, the board's
    /// assumption: 5 mA for 2 ms). A burst is <see cref="PulseBandEnergy.Samples"/> samples every
    /// <see cref="CatheterIntegrityMonitor.BurstIntervalMilliseconds"/>; a stroke inside it restarts it,
    /// so the daily model charges each burst at its most: two bursts' samples where the programmed rate's
    /// strokes leave a clean window, else every sample until the check gives up
    /// (<see cref="CatheterIntegrityMonitor.GiveUpMilliseconds"/>) and one burst more. The count of the
    /// charge drawn adds the samples the monitor really took (<see cref="CatheterIntegrityMonitor.SamplesTaken"/>).
    /// </summary>
    public static class CatheterBurstCharge
    {
        /// <summary>Checks a day.</summary>
        public const long BurstsPerDay = Milliseconds.PerDay / CatheterIntegrityMonitor.BurstIntervalMilliseconds;

        /// <summary>The time one clean burst needs between two strokes: its samples and the settling after the first stroke.</summary>
        public const long CleanWindowMilliseconds = PulseBandEnergy.Samples * CatheterIntegrityMonitor.SamplePeriodMilliseconds + CatheterIntegrityMonitor.SettleMilliseconds;

        /// <summary>The most samples one check takes at a steady <paramref name="rate"/> of strokes of <paramref name="picolitersPerStep"/>.</summary>
        public static long SamplesPerBurstAtMost(NanolitersPerHour rate, long picolitersPerStep)
        {
            if (rate.Value <= 0) return PulseBandEnergy.Samples;
            long strokeIntervalMilliseconds = Milliseconds.PerHour / 1000 * picolitersPerStep / rate.Value;
            if (strokeIntervalMilliseconds >= CleanWindowMilliseconds) return 2 * PulseBandEnergy.Samples;
            return CatheterIntegrityMonitor.GiveUpMilliseconds / CatheterIntegrityMonitor.SamplePeriodMilliseconds + PulseBandEnergy.Samples;
        }

        /// <summary>The checks' charge a day at <paramref name="rate"/>, uAh, rounded up (ERI-MARGIN); 0 where the pump runs no check.</summary>
        public static long DailyMicroampereHours(NanolitersPerHour rate, long picolitersPerStep, SupervisorSettings settings)
        {
            if (!settings.Implanted || !settings.HasPressureSensor) return 0;
            long picoampereHours = BurstsPerDay * SamplesPerBurstAtMost(rate, picolitersPerStep) * settings.CatheterSamplePicoampereHours;
            return (picoampereHours + 999999) / 1000000;
        }

        /// <summary>The charge <paramref name="samples"/> samples drew, uAh (BATTERY-CHARGE-COUNTED).</summary>
        public static long CountedMicroampereHours(long samples, SupervisorSettings settings)
        {
            return samples * settings.CatheterSamplePicoampereHours / 1000000;
        }
    }
}
