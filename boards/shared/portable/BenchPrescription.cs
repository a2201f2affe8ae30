using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The fixed prescription a BENCH build (Linux: --bench) runs without a programmer, for an accuracy
    /// run on a balance: morphine 1 mg/mL (1000 ug/mL) at 100 uL/h, 2.4 mg/day - inside every soft
    /// limit of the default drug library, and 100 uL/h is the rate IEC 60601-2-24's standard profile is
    /// measured at. It goes through the pump's own commands - a refill session, then programming - so
    /// it meets every check a clinician's prescription meets, and is journaled like one.
    /// </summary>
    public static class BenchPrescription
    {
        public static readonly NanolitersPerHour Rate = NanolitersPerHour.FromMicrolitersPerHour(100);

        public static Drug Drug { get { return new Drug(DrugLibrary.Morphine, new MicrogramsPerMilliliter(1000)); } }

        /// <summary>
        /// True when the pump has just passed its self-test on a first start: stopped, no alarm shown,
        /// nothing programmed and no refill open. A pump that restored a running therapy from its
        /// journal resumes that instead, and one stopped by an alarm stays stopped.
        /// </summary>
        public static bool Due(InfusionPump pump)
        {
            return pump.Supervisor.State == SafetyState.Stopped
                && pump.Supervisor.Alarms.Highest == AlarmCode.None
                && pump.Therapy.Prescription.Mode == DeliveryMode.Stopped
                && !pump.RefillOpen;
        }

        /// <summary>
        /// Fills the reservoir to the stage's capacity (confirmed: there is no clinician to ask) and
        /// programs the bench rate. The report says why if either was refused; nothing is retried.
        /// </summary>
        public static CheckReport Start(InfusionPump pump)
        {
            Nanoliters residual = pump.BeginRefill();
            PumpConfiguration config = pump.Therapy.Configuration;
            RefillResult refill = pump.CompleteRefill(residual, config.ReservoirCapacity, Drug, PumpConfiguration.DefaultLowReservoir, true);
            if (!refill.Report.Accepted) return refill.Report;
            return pump.Program(Prescription.Continuous(Drug, Rate, null), true);
        }
    }
}
