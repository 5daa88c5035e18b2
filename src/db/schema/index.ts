export * from "./access.ts";
export * from "./cases.ts";
export * from "./letters.ts";
export * from "./notifications.ts";
export * from "./region.ts";
export * from "./settings.ts";
export * from "./signals.ts";
