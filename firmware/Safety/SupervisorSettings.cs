using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>What the safety supervisor needs to know about the pump it guards. Defaults suit the implanted pump.</summary>
    public sealed class SupervisorSettings
    {
        /// <summary>Implanted (ERI/EOS from the charge gauge) or external trial pump (low-battery by voltage).</summary>
        public bool Implanted = true;

        /// <summary>A downstream pressure sensor is fitted (the external trial pump has one).</summary>
        public bool HasPressureSensor = true;

        public Nanoliters OverInfusionTolerance = OverInfusionGuard.DefaultTolerance;
        public Nanoliters LowReservoir = Nanoliters.FromMilliliters(2);
        public Nanoliters EmptyReservoir = ReservoirMonitor.DefaultEmpty;

        /// <summary>Cell capacity, uAh (one Li-SOCl2 AA-size cell: 2,000 mAh).</summary>
        public long BatteryMicroampereHours = 2000000;

        /// <summary>Charge per motor step, nAh (100 mA for 0.36 ms = 10 nAh).</summary>
        public long StepNanoampereHours = 10;

        /// <summary>Quiescent current, uA (an MCU asleep between steps).</summary>
        public long QuiescentMicroamperes = 20;

        /// <summary>Charge per catheter-check pressure sample, pAh: the MCU awake, the sensor excited and the ADC converting, 5 mA for 2 ms (CATHETER-BURST-IN-ERI, the board's assumption).</summary>
        public long CatheterSamplePicoampereHours = 2778;
    }
}
