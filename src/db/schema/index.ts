export * from "./access.ts";
export * from "./region.ts";
