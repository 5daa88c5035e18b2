export * from "./access.ts";
export * from "./cases.ts";
export * from "./leave.ts";
export * from "./leerplicht.ts";
export * from "./privacy.ts";
export * from "./region.ts";
export * from "./settings.ts";
export * from "./signals.ts";
