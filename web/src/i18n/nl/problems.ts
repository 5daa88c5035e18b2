// The server's refusals in Dutch (components/ProblemAlert.tsx): one sentence per problem code of
// src/http/problem-codes.ts, typed against the API's own list so a code without a text fails
// the type check.
import type { ProblemCode } from "../../api/client.ts";

export const problemsNl = {
  problem: {
    forbidden: "U mag deze handeling in deze casus niet uitvoeren.",
    notFound: "Deze casus of leerling bestaat niet, of u heeft er geen toegang toe.",
    conflict: "Dit kan nu niet in deze casus:",
    invalid: "De server heeft de invoer niet geaccepteerd. Controleer het formulier.",
    session: "Uw sessie is verlopen. Log opnieuw in.",
    failed: "Dat is niet gelukt. Probeer het later opnieuw.",
    /** Every refusal the API names (urn:aanwezig:problem:<code>), in Dutch. */
    codes: {
      "wrong-phase": "De casus is niet in de fase waarin dit kan.",
      "case-closed": "De casus is afgesloten.",
      "reason-required": "Geef een reden op.",
      "case-already-open": "Deze leerling heeft al een open casus; werk daarin verder.",
      "too-early": "Dit kan pas later in de casus.",
      "arbitration-consent-missing":
        "Voor bindende arbitrage is eerst de toestemming van de ouders (d) nodig.",
      "no-ground-for-prosecutor": "Er is (nog) geen grond om door te verwijzen naar het OM.",
      "already-recorded": "Dit is al vastgelegd.",
      "not-smart": "Het doel is niet SMART: vul tekst, meetpunt en streefdatum in.",
      "owner-required": "Er moet een eigenaar zijn.",
      "subject-required": "Noem de partnerorganisatie.",
      "nothing-to-withdraw": "Er is geen toestemming om in te trekken.",
      "partner-consent-missing": "Voor deze partner is eerst toestemming (b) van de ouders nodig.",
      "school-required": "De leerling staat dit schooljaar niet ingeschreven op een school.",
      "invalid-date": "De datum klopt niet.",
      "mas-invalid-date": "De datum van de stap ligt in de toekomst of vóór de geboortedatum.",
      "mas-halt-under-12":
        "Halt is alleen voor leerlingen van 12 jaar en ouder; deze leerling is op die datum jonger dan 12.",
      "mas-route-required": "Kies bij een proces-verbaal de route: civiel of strafrechtelijk.",
      "mas-outcome-required": "Kies de uitkomst.",
      "mas-organisation-required": "Noem de organisatie waarnaar u verwijst.",
      "mas-field-not-allowed":
        "Route, uitkomst en organisatie horen alleen bij hun eigen soort stap.",
      "mas-report-other-pupil": "Deze verzuimmelding hoort niet bij deze leerling.",
      "jgz-invalid-date": "De datum klopt niet: gebruik de vorm JJJJ-MM-DD.",
      "jgz-date-in-future": "De datum ligt na vandaag; kies vandaag of een eerdere dag.",
      "jgz-consent-after-referral":
        "De toestemming van ouders (en leerling) moet er zijn vóór de aanmelding: kies een eerdere toestemmingsdatum.",
      "jgz-text-required": "Het tekstveld is leeg: vul de vraag, het advies of de notitie in.",
      "jgz-before-referral":
        "De datum ligt vóór de aanmelding; kies de dag van de aanmelding of later.",
      "jgz-already-answered": "Deze aanmelding heeft al een terugkoppeling.",
      "sick-observation-invalid-date":
        "Een datum bij de observatie klopt niet: gebruik de vorm JJJJ-MM-DD.",
      "sick-observation-date-in-future":
        "De datum van de observatie ligt na vandaag; kies vandaag of een eerdere dag.",
      "sick-observation-end-before-start":
        "De einddatum ligt vóór de datum van de observatie; kies een latere einddatum of laat hem leeg.",
      "sick-observation-note-required":
        "De toelichting is leeg: beschrijf kort wat de school is opgevallen.",
      "sick-observation-note-too-long":
        "De toelichting is te lang: hoogstens 300 tekens, zonder medische details.",
      "handover-text-required": "Vul beide delen in: wat er speelde en wat hielp.",
      "handover-text-too-long": "Elk deel is hoogstens 2000 tekens.",
      "handover-not-a-move":
        "Deze leerling gaat niet van een basisschool naar deze school voor voortgezet onderwijs met een signaal of casus in het jaar ervoor.",
      "handover-already-written":
        "Voor deze leerling en deze school is al een overdracht geschreven.",
      "handover-consent-missing":
        "Er is geen toestemming om de overdracht met uw school te delen; de verzendende school vraagt die aan ouders en leerling.",
      "handover-status-not-allowed": "Deze stap past niet bij de status van de overdracht.",
      "handover-invalid-date": "De datum klopt niet: gebruik de vorm JJJJ-MM-DD.",
      "handover-date-in-future": "De datum ligt na vandaag; kies vandaag of een eerdere dag.",
      "handover-consent-subject-required": "De toestemming noemt de ontvangende school.",
      "handover-consent-nothing-to-withdraw": "Er is geen gegeven toestemming om in te trekken.",
      "handover-consent-out-of-order":
        "De datum ligt vóór de laatst vastgelegde toestemming; kies die dag of later.",
      "unknown-person": "Er is geen gebruiker met dit id die deze rol heeft.",
      "not-participant": "Deze persoon is geen deelnemer van de casus.",
      "would-leave-without-owner": "De casus moet altijd een casusverantwoordelijke hebben.",
      "signals-required": "Kies minstens één signaal.",
      "note-required": "Geef een toelichting.",
      "committee-incomplete": "Vul alle leden van de arbitragecommissie in.",
      "action-finished": "Deze actie is al afgerond.",
      deescalated: "De casus is afgeschaald; opnieuw opschalen is een besluit.",
      "needs-person": "Dit besluit moet een persoon nemen.",
      "out-of-order": "Dit kan niet in deze volgorde.",
      validation: "De server heeft de invoer niet geaccepteerd. Controleer het formulier.",
      "already-participant": "Deze persoon doet al mee in de casus.",
      "not-a-case-role": "Met deze rol doet iemand niet mee in een casus.",
      "no-participants": "Kies wie erbij waren.",
      "insufficient-funds": "Er is niet genoeg frictiebudget over in dit jaar.",
      "shares-do-not-add-up": "De delen tellen niet op tot het toegezegde bedrag.",
      "invalid-amount": "Het bedrag klopt niet.",
      "unknown-entry": "Deze post bestaat niet (meer) in deze casus.",
      "already-reversed": "Deze post is al teruggeboekt.",
      "cannot-reverse-reversal": "Een terugboeking kan niet zelf worden teruggeboekt.",
      "absence-start-after-opening":
        "Het verzuim kan niet later begonnen zijn dan de dag waarop de casus wordt geopend.",
      "already-resolved": "Deze stagnatie is al opgelost.",
      "duplicate-id": "Dit is al vastgelegd; vernieuw de pagina en kijk of het er al staat.",
      "giver-required": "Zeg wie de toestemming geeft of weigert.",
      "invalid-size": "Het bestand is leeg of te groot.",
      "letter-input-missing": "Vul eerst alle velden van de brief in.",
      "letter-template-invalid":
        "De sjabloon van deze brief klopt niet. Vraag de beheerder om hem te verbeteren.",
      "unknown-letter-template": "Deze briefsjabloon bestaat niet.",
      "not-breached": "De 3-maandentermijn is (nog) niet overschreden.",
      "unknown-action": "Deze actie bestaat niet (meer) in het plan.",
      "unknown-arrangement":
        "Dit arrangement staat niet in de catalogus van de regio. Kies een arrangement uit de lijst, of laat het veld leeg.",
      "unknown-flag": "Deze stagnatie bestaat niet (meer) in deze casus.",
      "leave-already-decided": "Op deze verlofaanvraag is al besloten.",
      "leave-end-before-start": "De einddatum ligt vóór de begindatum.",
      "leave-no-school":
        "De leerling staat op de eerste verlofdag niet ingeschreven op een school die u kent.",
      "leave-no-school-days": "In deze periode valt geen schooldag; er is geen verlof nodig.",
      "leave-rule-violated":
        "Dit verlof kan volgens de regels niet worden verleend; u kunt het verzoek alleen afwijzen.",
      "duo-closing-reason-required": "Kies een reden om de melding af te sluiten.",
      "duo-not-allowed": "De melding kan niet naar deze status.",
      "duo-not-concept":
        "Alleen een concept kan nog worden aangevuld; een ingediende melding ligt bij DUO.",
      "duo-not-found": "Deze verzuimmelding bestaat niet (meer).",
      "duo-unknown-closing-reason": "Deze reden om af te sluiten bestaat niet.",
      "signal-not-open": "Dit signaal is al afgehandeld.",
      "signal-other-pupil": "Deze casus gaat over een andere leerling.",
      "invalid-credentials":
        "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
      "too-many-login-attempts":
        "U heeft te vaak geprobeerd in te loggen. Wacht even en probeer het dan opnieuw.",
      "password-set-token":
        "Deze link om een wachtwoord in te stellen is ongeldig, al gebruikt of verlopen. Vraag de beheerder om een nieuwe.",
      "monitor-requester-busy":
        "Er worden al berekeningen van de monitor voor u gemaakt. Probeer het over een minuut opnieuw.",
      "monitor-queue-full":
        "De monitor maakt nu voor veel gebruikers tegelijk berekeningen. Probeer het over een minuut opnieuw.",
      "audit-unavailable":
        "Het logboek kan nu niet worden bijgewerkt, daarom tonen of wijzigen we niets. Probeer het over een paar minuten opnieuw; blijft dit, meld het dan aan de beheerder.",
    } satisfies Record<ProblemCode, string>,
    serverSaid: (detail: string) => `Toelichting van de server: ${detail}`,
  },
};
