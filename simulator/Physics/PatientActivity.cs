namespace OpenIdds.Simulator.Physics;

/// <summary>What the patient is doing, as far as heart and breathing rates and CSF pulse amplitudes care.</summary>
public enum PatientActivity { Rest, Walking, Asleep }
