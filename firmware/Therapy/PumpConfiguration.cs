using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What the therapy must know about the pump and its catheter, and what the stage sets by default:
    /// the device rate range (hard limits no library entry can widen), reservoir capacity,
    /// low-reservoir threshold, line volumes for priming and bridging, and - informational, for the
    /// programmer and reports - the sensors and alarms the stage has (<see cref="SensorSet"/>,
    /// <see cref="AlarmSet"/>; the hardware wiring and the alarm table decide behaviour).
    /// Every figure here is a configurable default (domain brief, "unconfirmed" entries), not a spec:
    /// a board's configuration overrides them.
    /// </summary>
    public sealed class PumpConfiguration
    {
        /// <summary>Default low-reservoir threshold (SynchroMed guidance: 2 mL).</summary>
        public static readonly Nanoliters DefaultLowReservoir = Nanoliters.FromMilliliters(2);

        /// <summary>An order-of-magnitude slip guard: a new daily dose above 200 % (2x) or below 50 % (1/2) of the current one needs confirmation.</summary>
        public const int DefaultLargeChangePercent = 200;

        public readonly PumpStage Stage;
        public readonly Nanoliters ReservoirCapacity;
        public readonly NanolitersPerHour DeviceRateMinimum;
        public readonly NanolitersPerHour DeviceRateMaximum;
        public readonly Nanoliters TubingVolume;
        public readonly Nanoliters CatheterVolume;
        public readonly NanolitersPerHour PrimingRate;
        public readonly SensorSet Sensors;
        public readonly AlarmSet Alarms;

        /// <summary>Clinician-set; starts at the stage default.</summary>
        public Nanoliters LowReservoirThreshold;

        /// <summary>
        /// The large-change factor, percent: a new daily dose above this percentage of the current one,
        /// or below 10,000 / this percentage of it (50 % at 200 %), needs confirmation.
        /// </summary>
        public int LargeChangePercent = DefaultLargeChangePercent;

        /// <summary>Milliseconds after midnight at monotonic zero (set by clock sync; flex steps are time-of-day).</summary>
        public Milliseconds TimeOfDayAtZero = Milliseconds.Zero;

        public PumpConfiguration(PumpStage stage, Nanoliters reservoirCapacity, NanolitersPerHour deviceRateMinimum, NanolitersPerHour deviceRateMaximum,
            Nanoliters tubingVolume, Nanoliters catheterVolume, NanolitersPerHour primingRate, Nanoliters lowReservoirThreshold, SensorSet sensors, AlarmSet alarms)
        {
            if (reservoirCapacity.Value <= 0) throw new ArgumentOutOfRangeException("reservoirCapacity", "reservoir capacity " + reservoirCapacity.ToString() + " must be above the limit 0.000 uL");
            if (deviceRateMinimum.Value < 0 || deviceRateMaximum < deviceRateMinimum || deviceRateMaximum.Value > NanolitersPerHour.MaxSchedulable)
            {
                throw new ArgumentOutOfRangeException("deviceRateMaximum", "device rate range " + deviceRateMinimum.ToString() + ".." + deviceRateMaximum.ToString() + " is not within 0.." + NanolitersPerHour.MaxSchedulable.ToString() + " nL/h");
            }
            if (tubingVolume.Value < 0) throw new ArgumentOutOfRangeException("tubingVolume", "tubing volume " + tubingVolume.ToString() + " is below the limit 0.000 uL");
            if (catheterVolume.Value < 0) throw new ArgumentOutOfRangeException("catheterVolume", "catheter volume " + catheterVolume.ToString() + " is below the limit 0.000 uL");
            if (primingRate.Value <= 0 || primingRate > deviceRateMaximum)
            {
                throw new ArgumentOutOfRangeException("primingRate", "priming rate " + primingRate.ToString() + " is outside the limit above 0.000 uL/h up to the device maximum " + deviceRateMaximum.ToString());
            }
            if (lowReservoirThreshold.Value < 0 || lowReservoirThreshold >= reservoirCapacity)
            {
                throw new ArgumentOutOfRangeException("lowReservoirThreshold", "low-reservoir threshold " + lowReservoirThreshold.ToString() + " is outside the limit 0.000 uL up to below the reservoir capacity " + reservoirCapacity.ToString());
            }
            Stage = stage;
            ReservoirCapacity = reservoirCapacity;
            DeviceRateMinimum = deviceRateMinimum;
            DeviceRateMaximum = deviceRateMaximum;
            TubingVolume = tubingVolume;
            CatheterVolume = catheterVolume;
            PrimingRate = primingRate;
            LowReservoirThreshold = lowReservoirThreshold;
            Sensors = sensors;
            Alarms = alarms;
        }

        /// <summary>The dead volume between the reservoir and the catheter tip: what priming fills and a bridge flushes.</summary>
        public Nanoliters LineVolume { get { return TubingVolume + CatheterVolume; } }

        /// <summary>
        /// An external trial pump (CADD-style): the cassette volume the user enters, rate range
        /// 1 uL/h .. 30 mL/h (CADD Prizm's upper bound), a downstream pressure sensor and a battery.
        /// CADD pumps also sense upstream occlusion and air in line; the HAL has no contract for either
        /// yet, so this default does not claim them. The cassette is visible, so the low-reservoir
        /// default is 2 mL like the implant's.
        /// </summary>
        public static PumpConfiguration Trial(Nanoliters cassetteVolume, Nanoliters tubingVolume, Nanoliters catheterVolume)
        {
            return new PumpConfiguration(PumpStage.Trial, cassetteVolume,
                NanolitersPerHour.FromMicrolitersPerHour(1), NanolitersPerHour.FromMicrolitersPerHour(30000),
                tubingVolume, catheterVolume, NanolitersPerHour.FromMicrolitersPerHour(1000), DefaultLowReservoir,
                SensorSet.DownstreamPressure | SensorSet.Battery,
                AlarmSet.LowReservoir | AlarmSet.EmptyReservoir | AlarmSet.Occlusion | AlarmSet.MotorStall | AlarmSet.LowBattery | AlarmSet.RefillDiscrepancy);
        }

        /// <summary>
        /// An implanted pump (SynchroMed-style): 20 or 40 mL reservoir, 2 uL/h .. 1 mL/h
        /// (~0.048..24 mL/day), reservoir level only computed unless a level sensor is fitted,
        /// battery with elective-replacement indicator (no voltage-based battery-low: the charge gauge
        /// decides), refill-discrepancy alarm. Unlike the closed pumps it also has a downstream pressure
        /// sensor, so a blocked catheter is an occlusion alarm in minutes rather than a reservoir
        /// discrepancy days later (H-OCCLUSION-NO-SENSOR: what a build without one can and cannot see).
        /// </summary>
        public static PumpConfiguration Implanted(Nanoliters reservoirCapacity, Nanoliters tubingVolume, Nanoliters catheterVolume)
        {
            return new PumpConfiguration(PumpStage.Implanted, reservoirCapacity,
                NanolitersPerHour.FromMicrolitersPerHour(2), NanolitersPerHour.FromMicrolitersPerHour(1000),
                tubingVolume, catheterVolume, NanolitersPerHour.FromMicrolitersPerHour(1000), DefaultLowReservoir,
                SensorSet.DownstreamPressure | SensorSet.Battery,
                AlarmSet.LowReservoir | AlarmSet.EmptyReservoir | AlarmSet.Occlusion | AlarmSet.MotorStall | AlarmSet.ElectiveReplacement | AlarmSet.RefillDiscrepancy);
        }
    }
}
