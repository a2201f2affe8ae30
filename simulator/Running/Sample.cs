namespace OpenIdds.Simulator.Running;

/// <summary>
/// The world at one instant, for plots and the summary. "Computed" values are what the firmware
/// believes; "measured" ones come from the physics (the head, the line, the sensors).
/// </summary>
public sealed record Sample(
    long Time,
    double PrescribedMicroliters,
    double ComputedDeliveredMicroliters,
    double PumpedMicroliters,
    double ToCsfMicroliters,
    double ReservoirActualMilliliters,
    double ReservoirComputedMilliliters,
    double LinePressureMmHg,
    double CsfPressureMmHg,
    int BatteryMillivolts);
