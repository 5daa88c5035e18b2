export * from "./region.ts";
