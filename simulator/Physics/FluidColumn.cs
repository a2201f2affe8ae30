namespace OpenIdds.Simulator.Physics;

/// <summary>A column of liquid as segments of (volume nL, concentration ug/mL), front first; equal neighbours merge.</summary>
public sealed class FluidColumn
{
    private readonly List<(double Volume, long Concentration)> _segments = new();

    public double Volume => _segments.Sum(s => s.Volume);
    public long FrontConcentration => _segments.Count > 0 ? _segments[0].Concentration : 0;
    public long BackConcentration => _segments.Count > 0 ? _segments[^1].Concentration : 0;

    public void Append(double volume, long concentration)
    {
        if (volume <= 0) return;
        if (_segments.Count > 0 && _segments[^1].Concentration == concentration)
            _segments[^1] = (_segments[^1].Volume + volume, concentration);
        else _segments.Add((volume, concentration));
    }

    public void Prepend(double volume, long concentration)
    {
        if (volume <= 0) return;
        if (_segments.Count > 0 && _segments[0].Concentration == concentration)
            _segments[0] = (_segments[0].Volume + volume, concentration);
        else _segments.Insert(0, (volume, concentration));
    }

    /// <summary>Removes up to <paramref name="volume"/> from the back, segment by segment, back first.</summary>
    public List<(double Volume, long Concentration)> TakeBackSegments(double volume)
    {
        var result = new List<(double, long)>();
        double remaining = volume;
        while (remaining > 0 && _segments.Count > 0)
        {
            var (v, c) = _segments[^1];
            if (v <= remaining) { result.Add((v, c)); remaining -= v; _segments.RemoveAt(_segments.Count - 1); }
            else { result.Add((remaining, c)); _segments[^1] = (v - remaining, c); remaining = 0; }
        }
        return result;
    }

    /// <summary>Removes up to <paramref name="volume"/> from the front, segment by segment.</summary>
    public List<(double Volume, long Concentration)> TakeFrontSegments(double volume)
    {
        var result = new List<(double, long)>();
        double remaining = volume;
        while (remaining > 0 && _segments.Count > 0)
        {
            var (v, c) = _segments[0];
            if (v <= remaining)
            {
                result.Add((v, c));
                remaining -= v;
                _segments.RemoveAt(0);
            }
            else
            {
                result.Add((remaining, c));
                _segments[0] = (v - remaining, c);
                remaining = 0;
            }
        }
        return result;
    }

    /// <summary>Removes up to <paramref name="volume"/> from the back (a reverse stroke); returns what was removed.</summary>
    public double TakeBack(double volume)
    {
        double remaining = volume;
        while (remaining > 0 && _segments.Count > 0)
        {
            var (v, c) = _segments[^1];
            if (v <= remaining) { remaining -= v; _segments.RemoveAt(_segments.Count - 1); }
            else { _segments[^1] = (v - remaining, c); remaining = 0; }
        }
        return volume - remaining;
    }
}
