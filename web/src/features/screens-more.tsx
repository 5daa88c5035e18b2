// Screens of this part of the app, by section path (navigation.ts) or page path; routes.tsx
// mounts each at "PATH/*", so a screen may have nested routes of its own.
import type { ComponentType } from "react";
import { AdminScreen } from "./admin/AdminScreen.tsx";
import { AuditPage } from "./audit/AuditPage.tsx";
import { ParentPage } from "./parent/ParentPage.tsx";
import { PupilScreen } from "./pupil/PupilPage.tsx";

export const moreScreens: Record<string, ComponentType> = {
  "/mijn-kind": ParentPage,
  /** Not a section: PupilScreen checks the roles itself (the server decides per pupil). */
  "/leerlingen": PupilScreen,
  "/beheer": AdminScreen,
  "/logboek": AuditPage,
};
