using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// CATHETER-BURST-IN-ERI: the charge the catheter integrity check's pressure readings draw, in the
    /// battery model the ERI/EOS estimate uses. Each reading wakes the MCU, excites the pressure sensor
    /// and converts (<see cref="SupervisorSettings.CatheterSamplePicoampereHours"/>, the board's
    /// assumption: 5 mA for 2 ms). A burst is <see cref="PulseBandEnergy.Samples"/> samples every
    /// <see cref="CatheterIntegrityMonitor.BurstIntervalMilliseconds"/>, begun only in a gap between the planned
    /// strokes (CATHETER-BURST-IN-A-GAP); a stroke the plan did not show (a bolus) restarts it, so the daily
    /// model charges each burst twice where the pump makes strokes. LINE-RESISTANCE-RISE adds one decay reading
    /// after each of <see cref="LineResistanceTrend.WindowStrokes"/> strokes a window, a window every
    /// <see cref="LineResistanceTrend.WindowIntervalMilliseconds"/>: the same reading, charged the same way.
    /// The count of the charge drawn adds the readings the check really woke for (<see cref="CatheterIntegrityMonitor.SamplesTaken"/>).
    /// </summary>
    public static class CatheterBurstCharge
    {
        /// <summary>Checks a day.</summary>
        public const long BurstsPerDay = Milliseconds.PerDay / CatheterIntegrityMonitor.BurstIntervalMilliseconds;

        /// <summary>LINE-RESISTANCE-RISE's decay readings a day at most: one per stroke of each window.</summary>
        public const long ResistanceReadingsPerDay = Milliseconds.PerDay / LineResistanceTrend.WindowIntervalMilliseconds * LineResistanceTrend.WindowStrokes;

        /// <summary>The most samples one check takes where the pump makes strokes: one burst broken by an unplanned stroke, and one whole.</summary>
        public static long SamplesPerBurstAtMost(NanolitersPerHour rate)
        {
            return rate.Value <= 0 ? PulseBandEnergy.Samples : 2 * PulseBandEnergy.Samples;
        }

        /// <summary>The most pressure readings the check takes a day at <paramref name="rate"/>: the bursts' and the decay readings.</summary>
        public static long ReadingsPerDayAtMost(NanolitersPerHour rate)
        {
            return BurstsPerDay * SamplesPerBurstAtMost(rate) + ResistanceReadingsPerDay;
        }

        /// <summary>The checks' charge a day at <paramref name="rate"/>, uAh, rounded up (ERI-MARGIN); 0 where the pump runs no check.</summary>
        public static long DailyMicroampereHours(NanolitersPerHour rate, SupervisorSettings settings)
        {
            if (!settings.Implanted || !settings.HasPressureSensor) return 0;
            long picoampereHours = ReadingsPerDayAtMost(rate) * settings.CatheterSamplePicoampereHours;
            return (picoampereHours + 999999) / 1000000;
        }

        /// <summary>The charge <paramref name="samples"/> readings drew, uAh (BATTERY-CHARGE-COUNTED).</summary>
        public static long CountedMicroampereHours(long samples, SupervisorSettings settings)
        {
            return samples * settings.CatheterSamplePicoampereHours / 1000000;
        }
    }
}
