using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// The firmware's set-up for a simulated device, from its scenario: the stage, the line volumes the
/// pump must know (taken from the physics, so priming and bridges match the simulated catheter), the
/// reservoir, the calibration, the sensors, the time of day at power-on.
/// </summary>
public static class ScenarioDevice
{
    public static PumpSetup Setup(Scenario scenario, PhysicsParameters physics, PumpStage stage, long timeOfDayAtZero, double reservoirMilliliters)
    {
        var tubing = new Nanoliters(physics.TubingNanoliters);
        var catheter = new Nanoliters(physics.CatheterNanoliters);
        long capacity = Math.Max(stage == PumpStage.Trial ? 100 : 20, (long)Math.Ceiling(reservoirMilliliters));
        var setup = new PumpSetup
        {
            DeviceId = scenario.DeviceId ?? $"SIM-{scenario.Seed % 10_000:D4}",
            Stage = stage,
            TrialConfiguration = PumpConfiguration.Trial(Nanoliters.FromMilliliters(capacity), tubing, catheter),
            ImplantedConfiguration = PumpConfiguration.Implanted(Nanoliters.FromMilliliters(capacity), tubing, catheter),
            Calibration = new Calibration(scenario.CalibrationPicolitersPerStep),
            HasPressureSensor = scenario.PressureSensor,
            BatteryMicroampereHours = physics.BatteryMicroampereHours,
            // A fresh factory agreement secret per run; `serve` prints its public key as the label would.
            AgreementSecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(OpenIdds.Firmware.Protocol.X25519.Bytes),
        };
        setup.ConfigurationFor(stage).TimeOfDayAtZero = new Milliseconds(((timeOfDayAtZero % Milliseconds.PerDay) + Milliseconds.PerDay) % Milliseconds.PerDay);
        return setup;
    }

    /// <summary>The board whose pin numbering the virtual hardware uses: one of the folders under boards/.</summary>
    public static Virtual.BoardPins Board(string board, string field) =>
        Virtual.BoardPins.Find(board) ?? throw new ScenarioException($"{field}: '{board}' is not one of {string.Join(", ", Virtual.BoardPins.All.Select(b => b.Name))}");

    public static PumpStage Stage(string mode, string field) => mode switch
    {
        "trial" => PumpStage.Trial,
        "implanted" => PumpStage.Implanted,
        _ => throw new ScenarioException($"{field}: '{mode}' is not one of trial, implanted"),
    };
}
