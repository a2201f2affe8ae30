namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Which independent sensors a pump stage has (hazard 4: say what is measured and what is only
    /// computed). STAGE-DECLARES-SENSORS: the supervisor uses a sensor only where the stage declares it
    /// and the board wires it (<c>PumpSetup.SupervisorSettingsFor</c>). A default may declare only a
    /// sensor that has a HAL contract.
    /// </summary>
    [System.Flags]
    public enum SensorSet
    {
        None = 0,
        /// <summary><c>IPressureSensor</c>: occlusion detection on the trial pump.</summary>
        DownstreamPressure = 1,
        /// <summary>Reserved: no HAL contract and no detector yet, so no default declares it.</summary>
        UpstreamPressure = 2,
        /// <summary>Reserved: no HAL contract and no detector yet, so no default declares it.</summary>
        AirInLine = 4,
        /// <summary><c>IReservoirLevelSensor</c>: a measured reservoir beside the computed one.</summary>
        ReservoirLevel = 8,
        /// <summary><c>IBatteryMonitor</c>.</summary>
        Battery = 16,
    }

    /// <summary>
    /// The alarms a pump stage raises by default. INFORMATIONAL, like <see cref="SensorSet"/>: the alarm
    /// table (firmware/Safety/AlarmTable.cs) decides priority and sound, and the supervisor decides
    /// what it raises; a default may declare only an alarm that has a row there and that the stage raises.
    /// </summary>
    [System.Flags]
    public enum AlarmSet
    {
        None = 0,
        /// <summary>reservoir-low.</summary>
        LowReservoir = 1,
        /// <summary>reservoir-empty.</summary>
        EmptyReservoir = 2,
        /// <summary>occlusion (needs the downstream pressure sensor).</summary>
        Occlusion = 4,
        /// <summary>motor-stall (the driver's fault line, lost steps).</summary>
        MotorStall = 8,
        /// <summary>battery-low, by voltage (the external trial pump).</summary>
        LowBattery = 16,
        /// <summary>battery-elective-replacement, from the charge gauge (the implant).</summary>
        ElectiveReplacement = 32,
        /// <summary>Reserved: no air-in-line sensor contract and no alarm row yet, so no default declares it.</summary>
        AirInLine = 64,
        /// <summary>refill-discrepancy (the refill session, both stages).</summary>
        RefillDiscrepancy = 128,
    }
}
