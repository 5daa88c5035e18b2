// Leerplicht's procedure (MAS, Methodische Aanpak Schoolverzuim) on the pupil page and in the
// case file.
import type { Schemas } from "../../api/schema.ts";

type MasStep = Schemas["MasStep"];

export const leerplichtNl = {
  masWorklist: {
    title: "Lopende aanpak leerplicht (MAS)",
    intro:
      "Leerlingen bij wie de aanpak nog loopt: de laatste stap, de volgende stap en wanneer die uiterlijk aan de beurt is. Te late stappen staan bovenaan.",
    empty: "Er loopt geen aanpak zonder afloop.",
    columns: {
      pupil: "Leerling",
      lastStep: "Laatste stap",
      nextStep: "Volgende stap",
      dueOn: "Uiterlijk",
    },
    late: (date: string) => `${date} (te laat)`,
  },
  mas: {
    title: "Aanpak leerplicht (MAS)",
    intro:
      "De stappen van de leerplichtambtenaar volgens de Methodische Aanpak Schoolverzuim: gesprek, afspraken, waarschuwing, verwijzing naar vrijwillige hulp of Halt, proces-verbaal en de afloop.",
    readOnly:
      "U ziet de stappen van leerplicht omdat u deelneemt aan de casus van deze leerling. Alleen leerplicht legt ze vast.",
    table: (name: string) => `Stappen van leerplicht voor ${name}`,
    empty: "Leerplicht heeft voor deze leerling nog geen stappen vastgelegd.",
    date: "Datum",
    kind: "Stap",
    details: "Toelichting",
    linkedCase: "Casus",
    inCase: "in casus",
    record: "Stap vastleggen",
    done: "De stap is vastgelegd.",
    fields: {
      kind: "Soort stap",
      kindRequired: "Kies de soort stap.",
      date: "Datum",
      dateRequired: "Vul de datum in.",
      route: "Route",
      routeRequired: "Kies de route.",
      outcome: "Uitkomst",
      outcomeRequired: "Kies de uitkomst.",
      organisation: "Organisatie",
      organisationDescription: "Bijvoorbeeld het jeugdteam of het wijkteam.",
      organisationRequired: "Noem de organisatie.",
      note: "Notitie (optioneel)",
      haltDescription: "Halt is alleen voor leerlingen van 12 jaar en ouder.",
    },
    kinds: {
      conversation_invited: "Uitgenodigd voor gesprek (leerling en ouders)",
      conversation_held: "Gesprek gevoerd met leerling en ouders",
      agreements: "Afspraken gemaakt",
      warning: "Waarschuwing",
      care_referral: "Verwezen naar vrijwillige hulp (zorgmelding)",
      halt_referral: "Verwezen naar Halt",
      official_report: "Proces-verbaal",
      outcome: "Afloop",
    } satisfies Record<MasStep["kind"], string>,
    routes: {
      civil: "civiel (Raad voor de Kinderbescherming)",
      criminal: "strafrechtelijk (Openbaar Ministerie)",
    } satisfies Record<NonNullable<MasStep["route"]>, string>,
    outcomes: {
      attendance_restored: "Leerling gaat weer naar school",
      care_in_place: "Vrijwillige hulp is ingezet",
      halt_completed: "Halt-traject afgerond",
      handed_to_raad: "Overgedragen aan de Raad voor de Kinderbescherming",
      prosecutor_decided: "Het OM heeft beslist",
      no_absence: "Geen verzuim (geoorloofd afwezig of ziek)",
      moved_away: "Verhuisd uit de gemeente",
      other: "Anders",
    } satisfies Record<NonNullable<MasStep["outcome"]>, string>,
  },
};
