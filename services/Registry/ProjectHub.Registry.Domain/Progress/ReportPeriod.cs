namespace ProjectHub.Registry.Domain.Progress;

/// <summary>The calendar days a report covers, both ends included, as Asia/Shanghai dates.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End);
