export * from "./access.ts";
export * from "./cases.ts";
export * from "./leerplicht.ts";
export * from "./region.ts";
export * from "./settings.ts";
export * from "./signals.ts";
