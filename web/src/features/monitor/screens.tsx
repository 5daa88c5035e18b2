// The monitor's screens by path (routes.tsx mounts each at "PATH/*").
import type { ComponentType } from "react";
import { MonitorPages } from "./MonitorPages.tsx";

export const monitorScreens: Record<string, ComponentType> = { "/monitor": MonitorPages };
