// What `aanwezig serve` says on a database without accounts (issue 14): a real installation's
// first start, where nobody can log in yet. The server still starts (the login page and
// /api/auth/options work), and the operator reads what to do next.
import type { Database } from "../db/connect.ts";
import { regionIsEmpty } from "../demo/fill.ts";

async function hasAccounts(db: Database): Promise<boolean> {
  const [row] = await db.sql.query<{ present: boolean }>(
    "select exists (select 1 from users) as present",
  );
  return row?.present === true;
}

/** Dutch guidance when the database has no accounts; null when someone can log in. */
export async function emptyInstallationNotice(db: Database): Promise<string | null> {
  if (await hasAccounts(db)) return null;
  const noRegion = await regionIsEmpty(db);
  const demo =
    db.kind === "pglite"
      ? "npm start (of aanwezig serve --demo-if-empty)"
      : "aanwezig demo (vult deze database met de synthetische demoregio)";
  const lines = [
    noRegion
      ? `Deze installatie is leeg: er zijn nog geen scholen en geen accounts (${db.kind}: ${db.location}).`
      : `Er zijn nog geen accounts in deze database (${db.kind}: ${db.location}): niemand kan inloggen.`,
    "Zo gaat u verder:",
    db.kind === "pglite"
      ? "  1. Stop de server (Ctrl+C: de ingebouwde database is voor één proces tegelijk) en maak de eerste applicatiebeheerder:"
      : "  1. Maak de eerste applicatiebeheerder (in een tweede terminal; de server mag blijven draaien):",
    "       aanwezig admin create --email E --name N --password-stdin   (wachtwoord via standaardinvoer)",
    "       aanwezig admin create --email E --name N                    (drukt een eenmalige link af, 24 uur geldig)",
    ...(noRegion
      ? [
          "  2. Importeer de gegevens van de regio: aanwezig import schools BESTAND, daarna",
          "     closures, pupils, enrolments en attendance (zie README, 'Een echte regio starten').",
          `Alleen rondkijken? Start dan de demo: ${demo}.`,
        ]
      : []),
    "De inlogpagina werkt al; inloggen kan zodra er een account is.",
  ];
  return lines.join("\n");
}
