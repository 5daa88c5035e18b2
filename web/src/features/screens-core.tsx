// Screens of this part of the app, by section path (navigation.ts) or page path; routes.tsx
// mounts each at "PATH/*", so a screen may have nested routes of its own. Each loads on its
// first visit (lazyScreen).
import type { ComponentType } from "react";
import { lazyScreen } from "./sections/lazy-screen.tsx";

export const coreScreens: Record<string, ComponentType> = {
  "/signalen": lazyScreen(async () => (await import("./signals/SignalsPage.tsx")).SignalsPage),
  "/casussen": lazyScreen(async () => (await import("./cases/CasesScreen.tsx")).CasesScreen),
  "/verzuimmeldingen": lazyScreen(
    async () => (await import("./duo-reports/DuoReportsScreen.tsx")).DuoReportsScreen,
  ),
  "/doorbraakteam": lazyScreen(
    async () => (await import("./breakthrough/AgendaPage.tsx")).AgendaPage,
  ),
};
