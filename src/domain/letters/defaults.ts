// Issue 16 item 1: the default letter templates of a region, in plain Dutch (taalniveau B1) for
// families. Stored in the database on first use (src/services/letters.ts); the application
// administrator adapts them. `audience` decides who may read the produced letter in the case
// file: a letter to the family is visible to the parents, one to professionals is not.

export const LETTER_AUDIENCES = ["ouders", "professionals"] as const;
export type LetterAudience = (typeof LETTER_AUDIENCES)[number];

export interface DefaultLetterTemplate {
  code: string;
  title: string;
  audience: LetterAudience;
  subject: string;
  body: string;
}

const GREETING = "Beste {{ouder.naam}},";
const SIGNATURE = "Met vriendelijke groet,\n\n{{afzender.naam}}\n{{regio.naam}}";
const CONTACT =
  "Heeft u vragen? Neem dan contact met ons op. Noem daarbij het kenmerk {{zaak.kenmerk}}.";

const OBJECTION =
  "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van deze brief. Stuur een brief met uw naam, uw adres, de datum, het kenmerk {{zaak.kenmerk}} en waarom u het niet eens bent met het besluit. Zet uw handtekening onder de brief.";

export const DEFAULT_LETTER_TEMPLATES: readonly DefaultLetterTemplate[] = [
  {
    code: "uitnodiging_gesprek_leerplicht",
    title: "Uitnodiging gesprek leerplicht",
    audience: "ouders",
    subject: "Uitnodiging voor een gesprek over {{leerling.voornaam}}",
    body: `${GREETING}

{{leerling.naam}} is niet altijd op school geweest. Dat heeft de school aan ons gemeld. Wij willen daarom graag met u en met {{leerling.voornaam}} praten. Samen zoeken we naar een oplossing.

Het gesprek is op {{invoer.datum}} om {{invoer.tijd}}.
Plaats: {{invoer.plaats}}.

Kunt u niet komen? Bel of mail ons dan zo snel mogelijk. Dan maken we een nieuwe afspraak.

${CONTACT}

${SIGNATURE}
Leerplicht`,
  },
  {
    code: "uitnodiging_gesprek_school",
    title: "Uitnodiging gesprek school",
    audience: "ouders",
    subject: "Uitnodiging voor een gesprek op school over {{leerling.voornaam}}",
    body: `${GREETING}

{{leerling.voornaam}} is de laatste tijd vaak niet op school. Wij maken ons zorgen. Daarom willen wij graag met u praten over hoe het gaat met {{leerling.voornaam}}.

Het gesprek is op {{invoer.datum}} om {{invoer.tijd}}.
Plaats: {{invoer.plaats}}.

Neem {{leerling.voornaam}} gerust mee naar het gesprek.

${CONTACT}

Met vriendelijke groet,

{{afzender.naam}}
{{school.naam}}`,
  },
  {
    code: "waarschuwing",
    title: "Waarschuwing leerplicht",
    audience: "ouders",
    subject: "Waarschuwing: {{leerling.voornaam}} moet naar school",
    body: `${GREETING}

{{leerling.naam}} is niet naar school gegaan terwijl dat wel moest. Dit is volgens de Leerplichtwet niet toegestaan. U bent als ouder verantwoordelijk dat uw kind naar school gaat.

{{invoer.toelichting}}

Met deze brief krijgt u een waarschuwing. Gaat {{leerling.voornaam}} weer niet naar school zonder goede reden? Dan kunnen wij een proces-verbaal opmaken. Dan beslist de officier van justitie wat er verder gebeurt.

Wij helpen u graag om ervoor te zorgen dat {{leerling.voornaam}} weer naar school gaat. ${CONTACT}

${SIGNATURE}
Leerplicht`,
  },
  {
    code: "besluit_verlof_toegekend",
    title: "Besluit verlof: toegekend",
    audience: "ouders",
    subject: "Besluit op uw aanvraag voor verlof voor {{leerling.voornaam}}",
    body: `${GREETING}

U heeft verlof aangevraagd voor {{leerling.naam}} van {{school.naam}}. Wij hebben uw aanvraag bekeken.

Ons besluit: u krijgt het verlof. {{leerling.voornaam}} mag in deze periode niet naar school: {{invoer.periode}}.

{{invoer.toelichting}}

${OBJECTION}

${SIGNATURE}`,
  },
  {
    code: "besluit_verlof_geweigerd",
    title: "Besluit verlof: geweigerd",
    audience: "ouders",
    subject: "Besluit op uw aanvraag voor verlof voor {{leerling.voornaam}}",
    body: `${GREETING}

U heeft verlof aangevraagd voor {{leerling.naam}} van {{school.naam}} voor deze periode: {{invoer.periode}}. Wij hebben uw aanvraag bekeken.

Ons besluit: u krijgt het verlof niet. {{leerling.voornaam}} moet in deze periode naar school.

Waarom niet? {{invoer.toelichting}}

Gaat {{leerling.voornaam}} toch niet naar school? Dan is dat ongeoorloofd verzuim. Dan moet de school dat aan ons melden.

${OBJECTION}

${SIGNATURE}`,
  },
  {
    code: "bevestiging_verzuimmelding",
    title: "Bevestiging verzuimmelding aan ouders",
    audience: "ouders",
    subject: "De school heeft het verzuim van {{leerling.voornaam}} gemeld",
    body: `${GREETING}

{{school.naam}} heeft ons laten weten dat {{leerling.naam}} niet naar school is geweest. Het verzuim begon op {{zaak.begin_verzuim}}. De school moet dit volgens de wet aan ons melden.

Wat gebeurt er nu? Wij nemen contact met u op. Samen kijken we wat er nodig is zodat {{leerling.voornaam}} weer naar school gaat.

${CONTACT}

${SIGNATURE}`,
  },
  {
    code: "uitnodiging_doorbraakoverleg",
    title: "Uitnodiging doorbraakoverleg",
    audience: "ouders",
    subject: "Uitnodiging voor een overleg over {{leerling.voornaam}}",
    body: `${GREETING}

Er is voor {{leerling.voornaam}} nog geen goede plek om te leren. Dat duurt te lang. Daarom komen een aantal mensen samen om een oplossing te vinden. Dat heet een doorbraakoverleg. U en {{leerling.voornaam}} zijn ook welkom. Uw mening is belangrijk.

Het overleg is op {{invoer.datum}} om {{invoer.tijd}}.
Plaats: {{invoer.plaats}}.

${CONTACT}

${SIGNATURE}`,
  },
  {
    code: "verzoek_bindende_arbitrage",
    title: "Verzoek bindende arbitrage",
    audience: "professionals",
    subject: "Verzoek om bindende arbitrage, kenmerk {{zaak.kenmerk}}",
    body: `Geachte heer, mevrouw,

Hierbij vragen wij om bindende arbitrage in de casus met kenmerk {{zaak.kenmerk}}. Het gaat om een leerling van {{school.naam}}, geboren op {{leerling.geboortedatum}}. Het verzuim begon op {{zaak.begin_verzuim}}.

De betrokken partijen zijn het niet eens geworden over een passend aanbod. Het doorbraakoverleg heeft geen oplossing opgeleverd.

Onze vraag: {{invoer.toelichting}}

${SIGNATURE}`,
  },
  {
    code: "verwijzing_aanmelding",
    title: "Verwijzing / aanmelding",
    audience: "professionals",
    subject: "Aanmelding van een leerling, kenmerk {{zaak.kenmerk}}",
    body: `Aan: {{invoer.ontvanger}}

Geachte heer, mevrouw,

Hierbij melden wij {{leerling.naam}} aan, geboren op {{leerling.geboortedatum}}, leerling van {{school.naam}}. De ouders weten van deze aanmelding.

Reden van de aanmelding: {{invoer.toelichting}}

Wilt u contact opnemen met {{afzender.naam}} over de vervolgstappen? Noem daarbij het kenmerk {{zaak.kenmerk}}.

${SIGNATURE}`,
  },
  {
    code: "proces_verbaal_concept",
    title: "Proces-verbaal (concept): de feiten voor het OM",
    audience: "professionals",
    subject: "Concept proces-verbaal, kenmerk {{zaak.kenmerk}}",
    body: `CONCEPT — dit is geen ondertekend proces-verbaal.

Verbalisant: {{afzender.naam}}, {{regio.naam}}.

Betreft: {{leerling.naam}}, geboren op {{leerling.geboortedatum}}, ingeschreven op {{school.naam}}.

Feiten: de leerling verzuimt sinds {{zaak.begin_verzuim}} zonder geldige reden. Ouder of verzorger: {{ouder.naam}}.

{{invoer.toelichting}}

Opgemaakt op {{vandaag}}.`,
  },
];

export const DEFAULT_TEMPLATE_CODES = DEFAULT_LETTER_TEMPLATES.map((t) => t.code);
