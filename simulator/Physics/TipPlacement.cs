namespace OpenIdds.Simulator.Physics;

/// <summary>Where the catheter tip lies: in the CSF, or migrated out of the intrathecal space.</summary>
public enum TipPlacement { Intrathecal, Epidural, Subcutaneous }
