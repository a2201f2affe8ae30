using Hl7.Fhir.Model;
using static OpenIdds.Programmer.Records.Fhir.BundleBuilder;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// The pump as a Device, and its reservoir and battery as DeviceMetrics. A DeviceMetric describes what
/// the device can report (its kind, unit, category: measured or calculated); the values read at this
/// session are Observations that point at their metric.
/// </summary>
public static class DeviceEntries
{
    public static ResourceReference Add(BundleBuilder b)
    {
        var r = b.Report;
        var s = r.Status;
        bool trial = s != null && (PumpStage)s.Stage == PumpStage.Trial;
        var device = new Device
        {
            Identifier = { new Identifier { Value = r.DeviceId } },
            Status = Device.FHIRDeviceStatus.Active,
            SerialNumber = r.DeviceId,
            Manufacturer = "OpenIDDS (open research firmware; not a medical device)",
            DeviceName = { new Device.DeviceNameComponent { Name = "OpenIDDS " + r.DeviceId, Type = DeviceNameType.UserFriendlyName } },
            Type = new CodeableConcept { Text = trial ? "intrathecal drug infusion pump, external (trial)" : s == null ? "intrathecal drug infusion pump" : "intrathecal drug infusion pump, implanted" },
            Patient = b.Patient,
        };
        if (r.Source.Firmware.Length > 0) device.Version.Add(new Device.VersionComponent { Type = new CodeableConcept { Text = "firmware" }, Value = r.Source.Firmware });
        var deviceRef = b.Add("device", device);
        if (s == null) return deviceRef;

        ResourceReference Metric(string key, string what, string ucum, DeviceMetric.DeviceMetricCategory category, bool on) => b.Add("metric/" + key, new DeviceMetric
        {
            Identifier = { new Identifier { Value = r.DeviceId + "/" + key } },
            Type = new CodeableConcept { Text = what },
            Unit = new CodeableConcept(BundleBuilder.Ucum, ucum, ucum),
            Source = deviceRef,
            OperationalStatus = on ? DeviceMetric.DeviceMetricOperationalStatus.On : DeviceMetric.DeviceMetricOperationalStatus.Off,
            Category = category,
        });
        void Value(string key, string what, ResourceReference metric, Quantity value, string? note = null)
        {
            var o = new Observation
            {
                Status = ObservationStatus.Final,
                Category = { Coded("http://terminology.hl7.org/CodeSystem/observation-category", "procedure", "Procedure") },
                Code = new CodeableConcept { Text = what },
                Subject = b.Patient,
                Effective = new FhirDateTime(b.At(s.PumpTime)),
                Value = value,
                Device = metric,
            };
            if (note != null) o.Note.Add(new Annotation { Text = note });
            b.Add("reading/" + key, o);
        }

        var computed = Metric("reservoir-computed", "reservoir volume, computed (fill minus steps x calibration)", "mL", DeviceMetric.DeviceMetricCategory.Calculation, true);
        Value("reservoir-computed", "reservoir volume, computed", computed, BundleBuilder.Quantity(s.ReservoirComputed / 1_000_000m, "mL"));
        if (s.LevelSensorFitted)
        {
            var measured = Metric("reservoir-measured", "reservoir volume, measured (level sensor)", "mL", DeviceMetric.DeviceMetricCategory.Measurement, s.ReservoirMeasuredValid);
            if (s.ReservoirMeasuredValid) Value("reservoir-measured", "reservoir volume, measured", measured, BundleBuilder.Quantity(s.ReservoirMeasured / 1_000_000m, "mL"));
        }
        var battery = Metric("battery", "battery voltage", "mV", DeviceMetric.DeviceMetricCategory.Measurement, true);
        Value("battery", "battery voltage", battery, BundleBuilder.Quantity(s.BatteryMillivolts, "mV"),
            s.Battery switch { 3 => "end of service", 2 => "elective replacement indicator (ERI)", 1 => "battery low", _ => "battery ok, no elective replacement indicator" });
        return deviceRef;
    }
}
