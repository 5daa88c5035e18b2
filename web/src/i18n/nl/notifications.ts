// Notifications (issue 16 items 2 and 3): the bell, my notifications and my e-mail choice, the
// administrator's mail server and outbox, and the letters on the parent's page.
import type { NotificationKind } from "../../api/notifications.ts";

export const notificationsNl = {
  bell: (unread: number) => (unread === 0 ? "Meldingen" : `Meldingen (${unread} ongelezen)`),
  title: "Meldingen",
  intro:
    "Wat er voor u klaarligt: termijnen, nieuwe signalen, casussen die aan u zijn overgedragen, overleggen en toestemmingen. Een e-mail noemt nooit een naam van een kind; de melding zelf leest u hier.",
  unread: (n: number) =>
    n === 0
      ? "U hebt geen ongelezen meldingen."
      : n === 1
        ? "U hebt 1 ongelezen melding."
        : `U hebt ${n} ongelezen meldingen.`,
  none: "U hebt nog geen meldingen.",
  listLabel: "Mijn meldingen",
  newBadge: "Nieuw",
  open: "Openen",
  markRead: "Gelezen",
  markReadLabel: (subject: string) => `Markeer als gelezen: ${subject}`,
  markAllRead: "Alles gelezen",
  received: (date: string) => `Ontvangen op ${date}`,
  preferences: {
    heading: "Meldingen per e-mail",
    intro:
      "U ziet al uw meldingen hier in Aanwezig. Kies welke u ook per e-mail wilt krijgen. De e-mail zegt alleen dat er iets is en bevat een link; u logt in om het te lezen.",
    email: "E-mail ontvangen",
    kindsLegend: "Per e-mail voor",
    save: "Voorkeuren opslaan",
    saved: "Uw voorkeuren zijn opgeslagen.",
  },
  kinds: {
    deadline_due: "een termijn die morgen of vandaag verloopt",
    deadline_overdue: "een verlopen termijn",
    signal_digest: "nieuwe signalen op mijn school (één bericht per dag)",
    case_handed_over: "een casus die aan mij is overgedragen",
    breakthrough_meeting_planned: "een gepland doorbraakoverleg",
    consent_changed: "een gewijzigde toestemming van ouders",
    parent_consent_requested: "een vraag om mijn toestemming",
    parent_meeting_planned: "een gepland overleg over mijn kind",
    parent_leave_decided: "een besluit over verlof",
  } satisfies Record<NotificationKind, string>,
  mail: {
    serverHeading: "Mailserver",
    serverIntro:
      "Aanwezig verstuurt meldingen via deze SMTP-server. Staat AANWEZIG_SMTP_URL in de omgeving van de server, dan gaat die voor.",
    inForce: {
      environment: (server: string, from: string) =>
        `Nu in gebruik: ${server} uit de omgeving (AANWEZIG_SMTP_URL), afzender ${from}.`,
      region: (server: string, from: string) =>
        `Nu in gebruik: ${server} uit deze instellingen, afzender ${from}.`,
      none: "Er is nog geen mailserver: meldingen staan alleen in de app.",
    },
    host: "Server (hostnaam)",
    port: "Poort",
    security: "Beveiliging",
    securityOptions: {
      starttls: "STARTTLS (meestal poort 587)",
      tls: "TLS (meestal poort 465)",
      none: "Geen (alleen een server op dezelfde machine)",
    },
    username: "Gebruikersnaam (leeg: zonder inloggen)",
    password: "Wachtwoord",
    passwordSet: "Er is een wachtwoord opgeslagen. Laat het veld leeg om het te houden.",
    passwordNone: "Er is geen wachtwoord opgeslagen.",
    from: "Afzender",
    fromHint: "Bijvoorbeeld: Aanwezig Regio Rivierland <noreply@gemeente.nl>",
    save: "Mailserver opslaan",
    saved: "De mailserver is opgeslagen.",
    outboxHeading: "Wachtrij en mislukte e-mails",
    outboxIntro:
      "E-mails die nog weg moeten of die niet verstuurd konden worden. Aanwezig probeert een mislukte e-mail tot 5 keer opnieuw; daarna blijft hij hier staan tot u hem opnieuw aanbiedt.",
    outboxEmpty: "Er staan geen e-mails in de wachtrij.",
    outboxCaption: "E-mails in de wachtrij",
    columns: {
      to: "Aan",
      subject: "Onderwerp",
      created: "Aangemaakt",
      status: "Status",
      attempts: "Pogingen",
      error: "Laatste fout",
      action: "Actie",
    },
    status: {
      pending: "Wacht op verzending",
      failed: "Mislukt",
      givenUp: "Mislukt, opgegeven",
    },
    retry: "Opnieuw aanbieden",
    retryLabel: (to: string) => `Opnieuw aanbieden: e-mail aan ${to}`,
    retried:
      "De e-mail is opnieuw aangeboden en gaat binnen een kwartier weg (of bij de volgende dagelijkse taak).",
  },
  letters: {
    heading: "Brieven over uw kind",
    intro: "Alle brieven en documenten die met u zijn gedeeld, ook uit eerdere trajecten.",
    none: "Er zijn nog geen brieven verstuurd.",
  },
};
