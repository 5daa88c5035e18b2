// The monitor's screens by path (routes.tsx mounts each at "PATH/*"). They load on the first
// visit, with recharts in a chunk of its own (ChartFigure), so other roles never fetch them.
import type { ComponentType } from "react";
import { lazyScreen } from "../sections/lazy-screen.tsx";

export const monitorScreens: Record<string, ComponentType> = {
  "/monitor": lazyScreen(async () => (await import("./MonitorPages.tsx")).MonitorPages),
};
