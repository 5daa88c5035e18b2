// User-facing texts of the import (Dutch), in one place. Every reason says how to fix the row.

export const messages = {
  emptyFile: "het bestand is leeg; verwacht een kopregel met de kolomnamen",
  missingColumn: (column: string) =>
    `kolom '${column}' ontbreekt in de kopregel (verplichte kolom; volgorde is vrij)`,
  missingMappedColumn: (column: string, mapping: string) =>
    `kolom '${column}' ontbreekt: het bestand heeft hem niet en kolomindeling '${mapping}' wijst er geen kolom of vaste waarde aan toe; vul de kolomindeling aan (Beheer → Kolomindelingen)`,
  unknownMapping: (name: string) =>
    `kolomindeling '${name}' bestaat niet; zie de kolomindelingen onder Beheer → Kolomindelingen (of GET /api/import-mappings)`,
  mappingOtherKind: (name: string, kind: string, asked: string) =>
    `kolomindeling '${name}' is voor ${kind}-bestanden, niet voor ${asked}; kies een kolomindeling voor ${asked}`,
  noHolidayRegion: (school: string) =>
    `school ${school} heeft geen vakantieregio en de regio nog geen standaard; vul noord, midden of zuid in, of stel eerst de vakantieregio van de regio in (Beheer → Regio, of aanwezig region set)`,
  duplicateColumn: (column: string) => `kolom '${column}' staat twee keer in de kopregel`,
  tooFewFields: (found: number, expected: number, missing: string) =>
    `te weinig velden (${found} van ${expected}): kolom ${missing} ontbreekt — is het bestand afgekapt? Controleer anders scheidingsteken en aanhalingstekens`,
  unclosedQuote:
    'een aanhalingsteken wordt niet gesloten: het bestand eindigt midden in een veld — is het bestand afgekapt? Anders: sluit het veld met een "',
  tooManyFields: (found: number, expected: number, last: string) =>
    `regel heeft ${found} velden, de kopregel ${expected}: na '${last}' staat nog een waarde; zet een waarde met het scheidingsteken erin tussen aanhalingstekens`,
  fileChanged: "het bestand is tijdens het inlezen veranderd; lees het opnieuw in",
  invalidEncoding: (line: number, encoding: string) =>
    `het bestand is geen geldige ${encoding === "utf-8" ? "UTF-8" : encoding.toUpperCase()}: regel ${line} bevat een ongeldig byte (eerste fout); ` +
    "sla het bestand op als CSV UTF-8 (Excel: Opslaan als → 'CSV UTF-8 (gescheiden door lijstscheidingsteken)'), " +
    "of lees het als Windows-1252 (--encoding windows-1252, de tekenset in het uploadformulier of in de kolomindeling)",
  required: "verplicht veld is leeg",
  forbiddenCharacter: (name: string) =>
    `bevat een niet-toegestaan teken (${name}): een NUL- of ander besturingsteken, of een onzichtbaar of tekstrichtingsteken; verwijder het`,
  lineBreak: (name: string) =>
    `bevat een tab of regeleinde (${name}); dat mag alleen in een notitie — maak er één regel van`,
  tooLong: (length: number, max: number) => `${length} tekens is te lang; hoogstens ${max}`,
  notPupilId: (value: string) =>
    `'${value}' is geen geldig id: letters, cijfers, . _ of -, beginnend met een letter of cijfer, hoogstens 64 tekens`,
  notSchoolId: (value: string) =>
    `'${value}' is geen schoolcode: BRIN + vestiging, bijvoorbeeld 12AB00`,
  notScope: (value: string, wide: readonly string[]) =>
    `'${value}' is geen schoolcode (BRIN + vestiging, bv. 12AB00) en geen van ${wide.join(", ")}`,
  notDate: (value: string) => `'${value}' is geen datum; gebruik JJJJ-MM-DD, bv. 2026-03-02`,
  notRealDate: (value: string) => `'${value}' bestaat niet als kalenderdatum`,
  dateOutOfRange: (value: string) => `datum ${value} ligt buiten 1900–2100; typfout?`,
  endBeforeStart: (end: string, start: string) => `einddatum ${end} ligt vóór begindatum ${start}`,
  notInteger: (value: string) => `'${value}' is geen geheel getal ≥ 0 (minuten, zonder eenheid)`,
  tooLarge: (value: number, max: number) => `${value} is groter dan ${max}`,
  notCode: (value: string, allowed: readonly string[]) =>
    `'${value}' is geen geldige waarde; kies uit ${allowed.join(", ")}`,
  looksLikeBsn: (value: string) =>
    `'${value}' lijkt een BSN; gebruik een pseudoniem leerling-id (nooit het BSN)`,
  duplicateKey: (firstLine: number) =>
    `dubbele sleutel: dezelfde rij staat al op regel ${firstLine}; houd één van beide`,
  schoolNotAllowed: (id: string) =>
    `'${id}' hoort niet bij de scholen waarvoor deze aanlevering mag importeren; er is niets ingelezen`,
  unknownSchool: (id: string) =>
    `school '${id}' is onbekend; importeer eerst de scholen (aanwezig import schools)`,
  unknownPupil: (id: string) =>
    `leerling '${id}' is onbekend; importeer eerst de leerlingen (aanwezig import pupils)`,
  unknownPerson: (id: string) => `'${id}' staat niet in pupils of population; importeer die eerst`,
  notSchoolDay: (date: string, school: string) =>
    `${date} is geen schooldag van ${school} (weekend, vrije dag of vakantie); verwijder de rij of corrigeer de datum`,
  exceedsScheduled: (minutes: number, scheduled: number, date: string) =>
    `${minutes} minuten is meer dan de ${scheduled} lesminuten op ${date}`,
  sumExceedsScheduled: (total: number, scheduled: number, date: string, existing: number) =>
    `afwezigheid van deze leerling op ${date} telt op tot ${total} minuten` +
    (existing > 0 ? ` (waarvan ${existing} al in de database)` : "") +
    `, meer dan de ${scheduled} lesminuten van die dag; verlaag de minuten`,
  exemptNotUnder6: (birthDate: string, date: string) =>
    `exempt_11a geldt alleen voor een kind jonger dan 6; geboren ${birthDate}, op ${date} 6 jaar of ouder`,
  fileNotFound: (file: string) => `bestand niet gevonden: ${file}`,
  rejected: (file: string, total: number) =>
    `${file}: afgewezen, ${total} ${total === 1 ? "fout" : "fouten"}; er is niets geïmporteerd`,
  moreErrors: (more: number) => `… en nog ${more} fouten (niet getoond)`,
  summary: (kind: string, file: string, rows: number, ins: number, upd: number, same: number) =>
    `${kind} ${file}: geïmporteerd — ${rows} rijen: ${ins} nieuw, ${upd} gewijzigd, ${same} ongewijzigd`,
} as const;
