using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// The bundle under construction: each entry gets a urn:uuid derived from the device id and the
/// entry's key (the same pump read twice gives the same ids, so a health record can spot a duplicate),
/// and the subject every clinical resource names.
/// </summary>
public sealed class BundleBuilder
{
    public const string Ucum = "http://unitsofmeasure.org";

    private readonly string _deviceId;

    public BundleBuilder(SessionReport report, string? patientId)
    {
        Report = report;
        _deviceId = report.DeviceId;
        Bundle = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Identifier = new Identifier("urn:ietf:rfc:3986", Uuid("bundle/" + report.ReadAt)),
            Timestamp = DateTimeOffset.Parse(At(report.ReadAt), System.Globalization.CultureInfo.InvariantCulture),
        };
        if (patientId != null)
        {
            // PATIENT-ID-ON-REQUEST: the patient's identifier is the one thing here that names a person,
            // and it is in the bundle only because the clinician typed it.
            Patient = Add("patient", new Patient { Identifier = { new Identifier { Value = patientId } } });
        }
    }

    public SessionReport Report { get; }
    public Bundle Bundle { get; }

    /// <summary>The Patient entry (only with --patient-id).</summary>
    public ResourceReference? Patient { get; }

    /// <summary>The subject of a resource that must have one: the Patient, or a display that says none was exported.</summary>
    public ResourceReference Subject => Patient ?? new ResourceReference { Display = "patient not identified in this export (iddsctl --patient-id adds the identifier)" };

    public ResourceReference Add(string key, Resource resource)
    {
        string url = Uuid(key);
        Bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = resource });
        return new ResourceReference(url);
    }

    /// <summary>A pump time as a FHIR dateTime (UTC, to the second).</summary>
    public string At(long pumpTime) => Report.Source.WallClock(pumpTime).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A concept with one coding, its display as the code system words it.</summary>
    public static CodeableConcept Coded(string system, string code, string display) => new() { Coding = { new Coding(system, code, display) } };

    public static Quantity Quantity(decimal value, string ucum) => new() { Value = value, Unit = ucum, System = Ucum, Code = ucum };

    /// <summary>A name-based UUID (RFC 9562 version 8, from SHA-256 of the device id and the key).</summary>
    public string Uuid(string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("openidds/" + _deviceId + "/" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
