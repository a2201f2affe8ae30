namespace OpenIdds.Simulator.Scenarios;

/// <summary>A scenario file that cannot be run, with the field and the reason.</summary>
public sealed class ScenarioException(string message) : InputException(message);
