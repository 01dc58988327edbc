namespace Lishui.Pairing.Domain;

/// <summary>A service position as a visit names it: its id and the name shown as the visit's place.</summary>
public sealed record ServicePositionPlace(Guid Id, string Name);
