// Dutch texts of the monitor's screens (features/monitor).
export const monitorScreensNl = {};
