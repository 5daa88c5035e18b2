// The case-side facts the policy needs about many pupils at once (GET /api/signals): who takes
// part in their open cases, and their consent records. Loaded in two queries, not per pupil.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { ConsentRecord } from "../../domain/cases/consent.ts";
import type { Orm } from "../connect.ts";
import { caseParticipants, cases, consentRecords } from "../schema/cases.ts";
import { consentRecordOf } from "./consent.ts";

export interface CaseAccessFacts {
  participantIds: string[];
  consentRecords: ConsentRecord[];
}

export async function caseAccessFactsOf(
  orm: Orm,
  pupilIds: readonly string[],
): Promise<Map<string, CaseAccessFacts>> {
  const facts = new Map<string, CaseAccessFacts>();
  if (pupilIds.length === 0) return facts;
  const ids = [...new Set(pupilIds)];
  const entry = (id: string) => {
    let f = facts.get(id);
    if (!f) {
      f = { participantIds: [], consentRecords: [] };
      facts.set(id, f);
    }
    return f;
  };
  const participants = await orm
    .select({
      pupilId: cases.pupilId,
      personId: caseParticipants.personId,
      until: caseParticipants.until,
    })
    .from(caseParticipants)
    .innerJoin(cases, eq(cases.id, caseParticipants.caseId))
    .where(and(inArray(cases.pupilId, ids), ne(cases.phase, "CLOSED")));
  for (const p of participants) {
    if (p.until === null) entry(p.pupilId).participantIds.push(p.personId);
  }
  const records = await orm
    .select()
    .from(consentRecords)
    .where(inArray(consentRecords.pupilId, ids))
    .orderBy(asc(consentRecords.seq));
  for (const r of records) {
    entry(r.pupilId).consentRecords.push(consentRecordOf(r));
  }
  return facts;
}
