// Issue 16 items 2 and 3: the kinds of notification, who they are for, whether they are mailed
// by default, and their Dutch text. A notification's text goes out by e-mail, so it carries no
// personal data at all (domain.md §2, need-to-know: a mail leaves the system's access control):
// no pupil's name, id or birth date, no school of a child, no purpose of a consent — a case is
// named by its reference (`zaak.kenmerk`), a meeting by its date — and a link into the app, where
// the recipient sees what they may see after logging in.
import { dutchDate } from "../letters/fields.ts";
import { caseReference } from "../letters/values.ts";

export const PROFESSIONAL_KINDS = [
  "deadline_due",
  "deadline_overdue",
  "signal_digest",
  "case_handed_over",
  "breakthrough_meeting_planned",
  "consent_changed",
] as const;

/** Issue 16 item 3: what a parent hears about their own child. */
export const PARENT_KINDS = [
  "parent_consent_requested",
  "parent_meeting_planned",
  "parent_leave_decided",
] as const;

export const NOTIFICATION_KINDS = [...PROFESSIONAL_KINDS, ...PARENT_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type ParentKind = (typeof PARENT_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isParentKind(kind: NotificationKind): kind is ParentKind {
  return (PARENT_KINDS as readonly string[]).includes(kind);
}

/**
 * Professionals get their work's notifications by e-mail unless they say otherwise; parents
 * choose e-mail themselves (item 3: "parents can choose e-mail"), so it is off until they do.
 */
export function emailByDefault(kind: NotificationKind): boolean {
  return !isParentKind(kind);
}

export interface EmailPreferences {
  /** E-mail at all (the first slice's switch); false: the app only. */
  email: boolean;
  /** Per kind; a kind not named takes emailByDefault. */
  emailKinds: Partial<Record<string, boolean>>;
}

export const DEFAULT_PREFERENCES: EmailPreferences = { email: true, emailKinds: {} };

export function wantsEmail(preferences: EmailPreferences, kind: string): boolean {
  if (!preferences.email) return false;
  const chosen = preferences.emailKinds[kind];
  if (chosen !== undefined) return chosen;
  return isNotificationKind(kind) ? emailByDefault(kind) : true;
}

/** The kinds offered on a user's preferences page: a parent's own, or a professional's. */
export function kindsFor(isParent: boolean, isProfessional: boolean): NotificationKind[] {
  return [...(isProfessional ? PROFESSIONAL_KINDS : []), ...(isParent ? PARENT_KINDS : [])];
}

export interface NotificationText {
  subject: string;
  body: string;
  link: string;
}

export type NotificationFacts =
  | { kind: "signal_digest"; count: number }
  | { kind: "case_handed_over"; caseId: string }
  | { kind: "breakthrough_meeting_planned"; caseId: string; date: string; link: string }
  | { kind: "consent_changed"; caseId: string }
  | { kind: "parent_consent_requested" }
  | { kind: "parent_meeting_planned"; date: string }
  | { kind: "parent_leave_decided" };

const LOG_IN = "Log in op Aanwezig om te zien wat er speelt.";

/** The text of a notification, from facts that hold no personal data. */
export function notificationText(facts: NotificationFacts): NotificationText {
  switch (facts.kind) {
    case "signal_digest": {
      const what = facts.count === 1 ? "1 nieuw signaal" : `${facts.count} nieuwe signalen`;
      return {
        subject: `${what} op uw school`,
        body: `Vandaag ${facts.count === 1 ? "is er" : "zijn er"} ${what} op uw school. Bekijk ${facts.count === 1 ? "het" : "ze"} in Aanwezig en beslis wat er moet gebeuren.`,
        link: "/signalen",
      };
    }
    case "case_handed_over": {
      const reference = caseReference(facts.caseId);
      return {
        subject: `Casus ${reference} is aan u overgedragen`,
        body: `U bent nu verantwoordelijk voor casus ${reference}. Open de casus in Aanwezig om te zien wat er moet gebeuren.`,
        link: `/casussen/${facts.caseId}`,
      };
    }
    case "breakthrough_meeting_planned": {
      const reference = caseReference(facts.caseId);
      return {
        subject: `Doorbraakoverleg gepland op ${dutchDate(facts.date)}`,
        body: `Casus ${reference} staat op ${dutchDate(facts.date)} op de agenda van het doorbraakoverleg. ${LOG_IN}`,
        link: facts.link,
      };
    }
    case "consent_changed": {
      const reference = caseReference(facts.caseId);
      return {
        subject: `Toestemming gewijzigd in casus ${reference}`,
        body: `Een ouder of de jongere heeft een toestemming gegeven, geweigerd of ingetrokken in casus ${reference}. Dat kan gevolgen hebben voor wie meewerkt. ${LOG_IN}`,
        link: `/casussen/${facts.caseId}`,
      };
    }
    case "parent_consent_requested":
      return {
        subject: "Wij vragen uw toestemming",
        body: "Er is een vraag om uw toestemming. Log in op Aanwezig en kijk bij Mijn kind. U beslist zelf: u mag ja of nee zeggen.",
        link: "/mijn-kind",
      };
    case "parent_meeting_planned":
      return {
        subject: `Er is een overleg gepland op ${dutchDate(facts.date)}`,
        body: `Er is een overleg over uw kind gepland op ${dutchDate(facts.date)}. Log in op Aanwezig en kijk bij Mijn kind wat er gaat gebeuren.`,
        link: "/mijn-kind",
      };
    case "parent_leave_decided":
      return {
        subject: "Er is een besluit over een verlofaanvraag",
        body: "Er is een besluit genomen over een aanvraag voor verlof. Log in op Aanwezig en kijk bij Mijn kind wat er is besloten.",
        link: "/mijn-kind",
      };
  }
}
