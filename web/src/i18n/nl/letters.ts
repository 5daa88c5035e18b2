// Dutch texts of the letters (issue 16): "Brief maken" in the case file and the administrator's
// letter templates (/beheer/brieven).
export const lettersNl = {
  make: "Brief maken",
  template: "Soort brief",
  chooseTemplate: "Kies een brief",
  templateRequired: "Kies eerst welke brief u wilt maken.",
  audience: { ouders: "aan de ouders", professionals: "aan professionals" } as Record<
    string,
    string
  >,
  visibleToParents: "De ouders zien deze brief in hun overzicht.",
  notVisibleToParents: "De ouders zien deze brief niet.",
  fillIn: "Vul in wat de brief nodig heeft",
  preview: "Voorbeeld bekijken",
  previewHeading: "Voorbeeld van de brief",
  previewHint:
    "Zo komt de brief eruit te zien. Velden tussen [ ] moet u nog invullen. Er is nog niets opgeslagen.",
  produce: "Brief maken (PDF)",
  producing: "Bezig met maken…",
  produced: (title: string) =>
    `De brief "${title}" is gemaakt en staat bij de documenten van de casus.`,
  download: "Brief openen (PDF)",
  hide: "Verbergen",
  subject: "Onderwerp",
  admin: {
    heading: "Briefsjablonen",
    choose: "Sjabloon",
    title: "Naam van de brief",
    subject: "Onderwerp",
    body: "Tekst van de brief",
    bodyHint:
      "Gebruik velden zo: {{leerling.naam}}. Een lege regel begint een nieuwe alinea. Alleen de velden uit de lijst hieronder zijn toegestaan.",
    fields: "Velden die u kunt gebruiken",
    fromCase: "uit de casus",
    fromInput: "vult de medewerker in",
    example: (value: string) => `voorbeeld: ${value}`,
    preview: "Voorbeeld met voorbeeldgegevens",
    previewHeading: "Voorbeeld",
    save: "Opslaan",
    saved: "De sjabloon is opgeslagen.",
    audience: "Voor",
    updated: (at: string) => `Laatst gewijzigd op ${at}.`,
  },
};
