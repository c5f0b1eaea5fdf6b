namespace Gazette.Calendar;

/// <summary>A span of days off (放假) that a holiday notice gives, from <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record Holiday(string Name, DateOnly From, DateOnly To);
