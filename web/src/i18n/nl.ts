// Every Dutch text the web app shows, one module per feature in nl/. Components read them through
// `t` (index.ts), never as literals, so an English file (en.ts, typed `Messages`) can follow
// without touching screens.
import { adminNl, adminScreensNl } from "./nl/admin.ts";
import { appNl } from "./nl/app.ts";
import { auditNl, auditScreensNl } from "./nl/audit.ts";
import { authNl } from "./nl/auth.ts";
import { caseCommandsNl } from "./nl/case-commands.ts";
import { caseFileNl } from "./nl/case-file.ts";
import { casesNl } from "./nl/cases.ts";
import { domainNl } from "./nl/domain.ts";
import { duoReportsNl } from "./nl/duo-reports.ts";
import { handoversNl } from "./nl/handovers.ts";
import { leaveNl } from "./nl/leave.ts";
import { leerplichtNl } from "./nl/leerplicht.ts";
import { lettersNl } from "./nl/letters.ts";
import { monitorNl, monitorScreensNl } from "./nl/monitor.ts";
import { notificationsNl } from "./nl/notifications.ts";
import { parentNl, parentPageNl } from "./nl/parent.ts";
import { privacyRequestsNl } from "./nl/privacy.ts";
import { problemsNl } from "./nl/problems.ts";
import { pupilNl, pupilPageNl, pupilSearchNl } from "./nl/pupil.ts";
import { setupNl } from "./nl/setup.ts";
import { signalsNl } from "./nl/signals.ts";
import { worklistControlsNl } from "./nl/worklist-controls.ts";
import { worklistsNl } from "./nl/worklists.ts";
import { verwijsindexNl, youthDoctorNl } from "./nl/youth-doctor.ts";

export const nl = {
  locale: "nl-NL",
  ...appNl,
  ...authNl,
  ...domainNl,
  ...problemsNl,
  ...worklistsNl,
  ...signalsNl,
  ...casesNl,
  ...pupilSearchNl,
  caseFile: caseFileNl,
  leerplicht: leerplichtNl,
  handovers: handoversNl,
  caseCommands: caseCommandsNl,
  parent: parentNl,
  pupil: pupilNl,
  monitor: monitorNl,
  admin: adminNl,
  audit: auditNl,
  setup: setupNl,
  letters: lettersNl,
  work: worklistControlsNl,
  duo: duoReportsNl,
  leave: leaveNl,
  pupilPage: pupilPageNl,
  parentPage: parentPageNl,
  adminScreens: adminScreensNl,
  auditScreens: auditScreensNl,
  youthDoctor: youthDoctorNl,
  verwijsindex: verwijsindexNl,
  notifications: notificationsNl,
  privacyRequests: privacyRequestsNl,
  monitorScreens: monitorScreensNl,
};

export type Messages = typeof nl;
