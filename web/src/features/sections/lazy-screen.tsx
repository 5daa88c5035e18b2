// A screen loaded on its first visit (its own chunk), so the start page does not carry every
// screen of every role: a parent never downloads the administration, a teacher never the monitor.
// routes.tsx shows "loading" (one Suspense boundary) while a screen's chunk arrives.
import { type ComponentType, lazy } from "react";

export function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => ({ default: await load() }));
}
