// Screens of this part of the app, by section path (navigation.ts) or page path; routes.tsx
// mounts each at "PATH/*", so a screen may have nested routes of its own. Each loads on its
// first visit (lazyScreen).
import type { ComponentType } from "react";
import { lazyScreen } from "./sections/lazy-screen.tsx";

export const moreScreens: Record<string, ComponentType> = {
  "/mijn-kind": lazyScreen(async () => (await import("./parent/ParentPage.tsx")).ParentPage),
  /** Not a section: PupilScreen checks the roles itself (the server decides per pupil). */
  "/leerlingen": lazyScreen(async () => (await import("./pupil/PupilPage.tsx")).PupilScreen),
  "/beheer": lazyScreen(async () => (await import("./admin/AdminScreen.tsx")).AdminScreen),
  "/inrichting": lazyScreen(async () => (await import("./setup/SetupScreen.tsx")).SetupScreen),
  "/verlof": lazyScreen(async () => (await import("./leave/LeavePage.tsx")).LeavePage),
  "/logboek": lazyScreen(async () => (await import("./audit/AuditPage.tsx")).AuditPage),
  "/verzoeken": lazyScreen(
    async () => (await import("./privacy/SubjectRequestsPage.tsx")).SubjectRequestsPage,
  ),
};
