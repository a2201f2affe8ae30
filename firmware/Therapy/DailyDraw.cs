using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// ERI-FROM-DAILY-DRAW: the volume the programmed therapy draws from the battery in a day - the
    /// basal's daily volume plus every patient bolus the prescription allows in 24 h. Priming, bridge
    /// and clinician boluses are one-offs: counted as a daily draw, a new implant's priming at 1 mL/h
    /// raised the elective replacement indicator at start-up and cleared it when priming ended.
    /// </summary>
    public static class DailyDraw
    {
        public static Nanoliters Of(Prescription prescription)
        {
            if (prescription.Mode == DeliveryMode.Stopped) return Nanoliters.Zero;
            long volume = prescription.DailyVolume.Value;
            PatientBolusSettings? bolus = prescription.PatientBolus;
            if (bolus != null) volume += bolus.MaxPer24Hours * prescription.Drug.Concentration.VolumeOf(bolus.Dose).Value;
            return new Nanoliters(volume);
        }
    }
}
