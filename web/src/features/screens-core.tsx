// Screens of this part of the app, by section path (navigation.ts) or page path; routes.tsx
// mounts each at "PATH/*", so a screen may have nested routes of its own.
import type { ComponentType } from "react";
import { AgendaPage } from "./breakthrough/AgendaPage.tsx";
import { CasesScreen } from "./cases/CasesScreen.tsx";
import { SignalsPage } from "./signals/SignalsPage.tsx";

export const coreScreens: Record<string, ComponentType> = {
  "/signalen": SignalsPage,
  "/casussen": CasesScreen,
  "/doorbraakteam": AgendaPage,
};
