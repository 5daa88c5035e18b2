// The warm handover PO→VO (issue 15 item 6): /overdrachten for the sending school, the receiving
// school and the partnership.
import type { HandoverStatus } from "../../../../src/domain/handover/handover.ts";

export const handoversNl = {
  title: "Warme overdracht PO-VO",
  intro:
    "Leerlingen die van de basisschool naar het voortgezet onderwijs gaan en in het jaar daarvoor een signaal of casus hadden: wat speelde er en wat hielp. De ontvangende school leest de inhoud alleen met toestemming van ouders (en leerling vanaf 12).",
  candidates: "Leerlingen voor een warme overdracht",
  candidatesEmpty: "Er zijn geen leerlingen die nog een warme overdracht nodig hebben.",
  candidate: (name: string, school: string, date: string) =>
    `${name}: naar ${school} vanaf ${date}`,
  evidence: "Aanleiding",
  signalsAndCases: (signals: string, cases: number) =>
    [signals, cases > 0 ? `${cases} casus${cases === 1 ? "" : "sen"}` : ""]
      .filter(Boolean)
      .join("; "),
  write: "Overdracht schrijven",
  written: "De overdracht is verstuurd naar de ontvangende school.",
  fields: {
    whatWasGoingOn: "Wat speelde er?",
    whatWasGoingOnRequired: "Beschrijf wat er speelde.",
    whatHelped: "Wat hielp?",
    whatHelpedRequired: "Beschrijf wat hielp.",
    decision: "Besluit",
    decisionRequired: "Kies het besluit.",
    giver: "Wie besliste",
    giverRequired: "Kies wie besliste.",
    at: "Datum besluit",
    atRequired: "Vul de datum van het besluit in.",
  },
  decisions: { given: "Toestemming gegeven", refused: "Geweigerd", withdrawn: "Ingetrokken" },
  givers: { parents: "Ouders/verzorgers", child: "Leerling" },
  sent: "Verstuurde overdrachten",
  sentEmpty: "Uw school heeft nog geen overdrachten verstuurd.",
  received: "Ontvangen overdrachten",
  receivedEmpty: "Uw school heeft geen overdrachten ontvangen.",
  handover: (name: string, from: string, to: string) => `${name}: van ${from} naar ${to}`,
  columns: {
    pupil: "Leerling",
    from: "Van school",
    to: "Naar school",
    moveDate: "Overstap",
    status: "Status",
    consent: "Toestemming",
    writtenOn: "Geschreven op",
    school: "Ontvangende school",
    open: "Nog niet afgesloten",
  },
  statuses: {
    open: "Open",
    acknowledged: "In ontvangst genomen",
    closed: "Afgesloten",
  } satisfies Record<HandoverStatus, string>,
  consentStates: {
    given: "Gegeven",
    refused: "Geweigerd",
    withdrawn: "Ingetrokken",
    not_asked: "Nog niet gevraagd",
  },
  consentMissing:
    "Er is een overdracht, maar er is (nog) geen toestemming om de inhoud met uw school te delen. De basisschool vraagt die aan ouders en leerling.",
  recordConsent: "Toestemming vastleggen",
  consentDone: "Het besluit over de toestemming is vastgelegd.",
  acknowledge: "In ontvangst nemen",
  acknowledged: "De overdracht is in ontvangst genomen.",
  close: "Overdracht afsluiten",
  closed: "De overdracht is afgesloten.",
  partnership: "Openstaande overdrachten per school",
  partnershipIntro:
    "Welke warme overdrachten nog niet zijn afgesloten, per ontvangende school; zonder inhoud.",
  partnershipEmpty: "Er zijn geen overdrachten in uw samenwerkingsverband.",
  partnershipList: "Overdrachten in het samenwerkingsverband",
  noName: "(niet zichtbaar)",
};
