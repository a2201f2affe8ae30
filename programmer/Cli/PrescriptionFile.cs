using System.Text.Json;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// A prescription file for `iddsctl program` (docs/protocol.md has the schema): the drug and its
/// concentration, and a prescription in the shape a simulator scenario uses (<see cref="PrescriptionSpec"/>,
/// which checks it and maps it to the firmware's <see cref="Prescription"/>).
/// </summary>
public sealed record PrescriptionFile : PrescriptionSpec
{
    public string Drug { get; init; } = "";
    public long ConcentrationUgPerMl { get; init; }

    /// <exception cref="InputException">the file is missing, is not the JSON shape, or a field is out of its limit; the message starts with the file's name.</exception>
    public static Prescription Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"prescription file {path} does not exist");
        string name = Path.GetFileName(path);
        PrescriptionFile file;
        string text = File.ReadAllText(path);
        JsonFieldCheck.Check<PrescriptionFile>(text, PrescriptionJson.Options, $"prescription file {path}");
        try
        {
            file = JsonSerializer.Deserialize<PrescriptionFile>(text, PrescriptionJson.Options) ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            throw new InputException($"prescription file {path}: {e.Message}");
        }
        try
        {
            return file.ToPrescription(new Drug(file.Drug, new MicrogramsPerMilliliter(file.ConcentrationUgPerMl)), "");
        }
        catch (InputException e)
        {
            throw new InputException($"{name}: {e.Message}");
        }
    }
}
