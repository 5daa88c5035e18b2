// Leave requests (verlof, features/leave and the parent view): the forms, the worklist and the
// decision. The rules' own sentences come with the request from the server (src/domain/leave).
export const leaveNl = {
  title: "Verlofaanvragen",
  intro:
    "Verlof buiten de schoolvakanties (Leerplichtwet art. 11, 13a en 14). De directeur van de school beslist over verlof tot en met 10 schooldagen, de leerplichtambtenaar over langer verlof.",
  parentHeading: (name: string) => `Verlof aanvragen voor ${name}`,
  parentIntro:
    "Vraag verlof aan met de reden en de data. U krijgt het besluit hier te zien, met de reden en hoe u bezwaar kunt maken.",
  formHeading: "Nieuwe verlofaanvraag",
  formDetails: "Gegevens van de aanvraag",
  pupil: "Leerling",
  pupilChosen: (label: string) => `Gekozen leerling: ${label}`,
  pupilMissing: "Kies eerst een leerling.",
  kind: "Soort verlof",
  kinds: {
    job_holiday: "Vakantie wegens het beroep van een ouder (art. 13a)",
    important_circumstances: "Gewichtige omstandigheden (art. 14)",
  } as Record<string, string>,
  startDate: "Eerste dag",
  endDate: "Laatste dag",
  reason: "Reden",
  reasonHint: "Beschrijf waarom verlof nodig is; de beslisser leest dit.",
  required: "Vul dit in.",
  submit: "Aanvraag indienen",
  submitted: (decider: string) => `De aanvraag is ingediend. Hierover beslist: ${decider}.`,
  deciders: {
    school_head: "de directeur van de school",
    attendance_officer: "de leerplichtambtenaar",
  } as Record<string, string>,
  statuses: {
    requested: "Wacht op besluit",
    approved: "Verleend",
    refused: "Afgewezen",
  } as Record<string, string>,
  none: "Er zijn geen verlofaanvragen.",
  toDecide: "Te beslissen",
  toDecideNone: "Er zijn geen aanvragen die op uw besluit wachten.",
  others: "Overige aanvragen",
  request: (kind: string, from: string, to: string, days: number) =>
    `${kind}: ${from} tot en met ${to} (${days} ${days === 1 ? "schooldag" : "schooldagen"})`,
  requestedBy: (by: string, on: string) =>
    `Aangevraagd door ${by === "parent" ? "de ouder" : "de school"} op ${on}.`,
  decidedBy: (decider: string) => `Beslist door ${decider}.`,
  applicantReason: (reason: string) => `Reden van de aanvraag: ${reason}`,
  decision: (status: string, on: string) => `${status} op ${on}.`,
  decisionReason: (reason: string) => `Motivering: ${reason}`,
  rulesHeading: "Wat de regels zeggen",
  rulesOk: "De aanvraag past binnen de regels.",
  decideHeading: "Besluit",
  decideApprove: "Verlenen",
  decideRefuse: "Afwijzen",
  decideChoice: "Uw besluit",
  decideReason: "Motivering",
  decideReasonHint: "Deze motivering staat in het besluit aan de ouders.",
  decideOnlyRefuse: "Volgens de regels kan dit verlof niet worden verleend; u kunt het afwijzen.",
  decideSubmit: "Besluit vastleggen",
  decided: (status: string) => `Het besluit is vastgelegd: ${status}.`,
};
