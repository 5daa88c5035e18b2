// The monitor's screens by path (routes.tsx mounts each at "PATH/*").
import type { ComponentType } from "react";

export const monitorScreens: Record<string, ComponentType> = {};
