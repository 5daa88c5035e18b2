// The app's screens (the monitor's are in monitor/screens.tsx), by section path (navigation.ts) or page path; routes.tsx
// mounts each at "PATH/*", so a screen may have nested routes of its own. Each loads on its
// first visit (lazyScreen).
import type { ComponentType } from "react";
import { lazyScreen } from "./sections/lazy-screen.tsx";

export const screens: Record<string, ComponentType> = {
  "/signalen": lazyScreen(async () => (await import("./signals/SignalsPage.tsx")).SignalsPage),
  "/casussen": lazyScreen(async () => (await import("./cases/CasesScreen.tsx")).CasesScreen),
  "/verzuimmeldingen": lazyScreen(
    async () => (await import("./duo-reports/DuoReportsScreen.tsx")).DuoReportsScreen,
  ),
  "/doorbraakteam": lazyScreen(
    async () => (await import("./breakthrough/AgendaPage.tsx")).AgendaPage,
  ),
  "/mijn-kind": lazyScreen(async () => (await import("./parent/ParentPage.tsx")).ParentPage),
  /** Not a section: PupilScreen checks the roles itself (the server decides per pupil). */
  "/leerlingen": lazyScreen(async () => (await import("./pupil/PupilPage.tsx")).PupilScreen),
  "/beheer": lazyScreen(async () => (await import("./admin/AdminScreen.tsx")).AdminScreen),
  "/inrichting": lazyScreen(async () => (await import("./setup/SetupScreen.tsx")).SetupScreen),
  "/verlof": lazyScreen(async () => (await import("./leave/LeavePage.tsx")).LeavePage),
  "/jeugdarts": lazyScreen(
    async () => (await import("./youth-doctor/YouthDoctorPage.tsx")).YouthDoctorPage,
  ),
  "/overdrachten": lazyScreen(
    async () => (await import("./handovers/HandoversPage.tsx")).HandoversPage,
  ),
  "/logboek": lazyScreen(async () => (await import("./audit/AuditPage.tsx")).AuditPage),
  "/verzoeken": lazyScreen(
    async () => (await import("./privacy/SubjectRequestsPage.tsx")).SubjectRequestsPage,
  ),
  /** Not a section: every logged-in user's own notifications (the bell in the header). */
  "/meldingen": lazyScreen(
    async () => (await import("./notifications/NotificationsPage.tsx")).NotificationsPage,
  ),
};
