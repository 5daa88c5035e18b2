// The demo's cases as a dated script (interfaces.md "aanwezig demo": cases at every phase):
// which pupils, and what the demo accounts do in their cases, day by day. Every step is a real
// command (src/commands) run as a demo account, so policy, domain rules and audit apply; the
// daily job runs between the steps (src/demo/cases.ts). A step the application refuses stops
// the demo with its reason, so a script that no longer fits the rules is noticed at once.
//
// The cases, one per phase of domain.md §5 (the school's first demo school, its municipality):
//   school        SCHOOL, opened by the mentor's worry days ago; plan started, first contact late
//   director      CASE_DIRECTOR, handed over early; youth care joins, MDO, waiting list for
//                 youth care (stagnation), budget spent, Variawet arrangement; week-8 pending
//   breakthrough  BREAKTHROUGH on stagnation (special education refuses a place); the `ouder`
//                 account's child: the parent gives and refuses consent in the app ((a), and (b)
//                 for the partnership, refused), the youth doctor with a medical note, on the
//                 breakthrough team's agenda with a meeting ahead
//   arbitration   ARBITRATION running: week-8 "no", team meeting, consent (d) given, committee
//   prosecutor    PROSECUTOR: consent (c) and (d) refused, referred (civil route), 3-month breach
//   closed        CLOSED: budget spent and attributed, placed in the OZA, guarantee held
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import { addCaseParticipant } from "../commands/add-participant.ts";
import { addPlanAction } from "../commands/add-plan-action.ts";
import { addPlanGoal } from "../commands/add-plan-goal.ts";
import { attributeBudget } from "../commands/attribute-budget.ts";
import { closeCase } from "../commands/close-case.ts";
import { commitBudget } from "../commands/commit-budget.ts";
import { conveneBreakthrough } from "../commands/convene-breakthrough.ts";
import { escalateCase } from "../commands/escalate-case.ts";
import { flagCaseStagnation } from "../commands/flag-stagnation.ts";
import { openCaseCommand } from "../commands/open-case.ts";
import { recordBreakthroughCheck } from "../commands/record-breakthrough-check.ts";
import { recordCaseEvent } from "../commands/record-case-event.ts";
import { recordCaseConsent } from "../commands/record-consent.ts";
import { recordCaseLadderStep } from "../commands/record-ladder-step.ts";
import { recordMasStep } from "../commands/record-mas-step.ts";
import { type MeetingInput, recordCaseMeeting } from "../commands/record-meeting.ts";
import { recordOfferStarted } from "../commands/record-offer-started.ts";
import { recordVerwijsindexReport } from "../commands/record-verwijsindex.ts";
import { referToProsecutor } from "../commands/refer-prosecutor.ts";
import { startArbitration } from "../commands/start-arbitration.ts";
import { updatePlanActionStatus } from "../commands/update-action-status.ts";
import { uploadCaseDocument } from "../commands/upload-document.ts";
import type { Database } from "../db/connect.ts";
import { insertPlacement } from "../db/repositories/arrangements.ts";
import { insertVariawet } from "../db/repositories/exemptions-register.ts";
import { addDays, dayNumber, type IsoDate, isoWeekday } from "../domain/calendar/dates.ts";
import { buildSchoolCalendar } from "../domain/calendar/school-calendar.ts";
import {
  ageOn,
  type ConsentDecision,
  type ConsentGiver,
  type ConsentPurpose,
} from "../domain/cases/consent.ts";
import type { CaseEventKind } from "../domain/cases/deadlines.ts";
import type {
  Case,
  CaseOutcome,
  LadderSituation,
  StagnationCause,
  WorkingMode,
} from "../domain/cases/model.ts";
import type { GoalDomain } from "../domain/cases/plan.ts";
import { HALT_MINIMUM_AGE, type MasStepInput } from "../domain/leerplicht/mas.ts";
import { splitContribution } from "../domain/money/ledger.ts";
import type { DocumentVisibility } from "../domain/policy/resources.ts";
import type { DemoArrangementId } from "./case-catalogue.ts";
import type { DemoRegion, DemoStory } from "./types.ts";
import { DEMO_ACCOUNTS, type DemoAccountName, type DemoAccounts } from "./users.ts";

export const DEMO_CASE_NAMES = [
  "school",
  "director",
  "breakthrough",
  "arbitration",
  "prosecutor",
  "closed",
] as const;
export type DemoCaseName = (typeof DEMO_CASE_NAMES)[number];

/** Stories whose attendance looks like (threatening) long-term absence, best fit first. */
const ALL_ABSENT: readonly DemoStory["kind"][] = [
  "long_term_absent_legal",
  "long_term_absent_broad",
  "long_sick",
  "truancy",
];

/**
 * Where each case's absence start may lie, in days before the demo date: late enough that
 * the script's last step is before it, early enough that the case can have reached its phase.
 * `ongoing`: the pupil's absence story still runs at the demo date or lasted at least six weeks
 * (for `closed`: it ended two weeks before the demo date). `kinds`: the stories that fit, best
 * first (a case about parents keeping the child home wants unauthorized absence).
 */
const WINDOWS: Record<
  DemoCaseName,
  {
    from: number;
    to: number;
    fallback: number;
    ongoing: boolean;
    kinds: readonly DemoStory["kind"][];
  }
> = {
  school: { from: 14, to: 4, fallback: 9, ongoing: true, kinds: ALL_ABSENT },
  director: {
    from: 63,
    to: 30,
    fallback: 46,
    ongoing: true,
    kinds: ["long_sick", "long_term_absent_broad", "long_term_absent_legal", "truancy"],
  },
  breakthrough: {
    from: 91,
    to: 50,
    fallback: 72,
    ongoing: true,
    kinds: ["long_term_absent_broad", "long_sick", "long_term_absent_legal"],
  },
  arbitration: {
    from: 165,
    to: 70,
    fallback: 100,
    ongoing: true,
    kinds: ["long_term_absent_legal", "long_term_absent_broad", "truancy"],
  },
  prosecutor: {
    from: 165,
    to: 96,
    fallback: 128,
    ongoing: true,
    kinds: ["long_term_absent_legal", "truancy"],
  },
  closed: { from: 200, to: 72, fallback: 150, ongoing: false, kinds: ALL_ABSENT },
};

export interface DemoPupilChoice {
  pupilId: string;
  absenceStart: IsoDate;
  /** The attendance story the case follows; null when the region had none that fits. */
  story: DemoStory | null;
}

export interface DemoPupils {
  schoolId: string;
  byCase: Partial<Record<DemoCaseName, DemoPupilChoice>>;
  /** The pupil whose parent the `ouder` account is: the breakthrough case's pupil. */
  parentCase: string;
}

/**
 * Pupils of the first demo school for the cases, living in the region (the school's
 * municipality first): first those whose absence story fits the case's window, else a pupil
 * without a story whose enrolment covers the dates, with an absence start in the window.
 * Deterministic by pupil id. A region too small for a case leaves that case out.
 */
export function pickDemoPupils(region: DemoRegion, asOf: IsoDate): DemoPupils {
  const school = region.schools[0];
  if (!school) throw new Error("demo: the region has no schools");
  const calendar = buildSchoolCalendar(school, region.closures);
  const home = school.municipality;
  const residence = new Map(region.pupils.map((p) => [p.pupilId, p.municipality]));
  const atSchool = new Map<string, { start: string; end: string | null }[]>();
  for (const e of region.enrolments) {
    if (e.schoolId !== school.schoolId) continue;
    const list = atSchool.get(e.pupilId) ?? [];
    list.push({ start: e.startDate, end: e.endDate });
    atSchool.set(e.pupilId, list);
  }
  // Residents of the region only: their municipality has a breakthrough team and a budget.
  const regional = new Set(region.municipalities.map((m) => m.name));
  const covers = (pupilId: string, from: IsoDate, to: IsoDate) =>
    regional.has(residence.get(pupilId) ?? "") &&
    (atSchool.get(pupilId) ?? []).some((e) => e.start <= from && (e.end === null || e.end >= to));
  const withStory = new Set(region.stories.map((s) => s.personId));
  const byResidenceThenId = (a: string, b: string) =>
    Number(residence.get(a) !== home) - Number(residence.get(b) !== home) || (a < b ? -1 : 1);
  const used = new Set<string>();
  const firstSchoolDay = (date: IsoDate) => {
    let day = date;
    while (calendar.scheduledMinutesOfDay(dayNumber(day)) === 0) day = addDays(day, 1);
    return day;
  };

  const byCase: DemoPupils["byCase"] = {};
  for (const name of DEMO_CASE_NAMES) {
    const w = WINDOWS[name];
    const earliest = addDays(asOf, -w.from);
    const latest = addDays(asOf, -w.to);
    const stories = region.stories
      .filter(
        (s) =>
          s.schoolId === school.schoolId &&
          w.kinds.includes(s.kind) &&
          s.startDate >= earliest &&
          s.startDate <= latest &&
          (w.ongoing
            ? s.endDate >= addDays(asOf, -7) || s.endDate >= addDays(s.startDate, 42)
            : s.endDate < addDays(asOf, -14)) &&
          !used.has(s.personId) &&
          covers(s.personId, s.startDate, asOf),
      )
      .sort(
        (a, b) =>
          w.kinds.indexOf(a.kind) - w.kinds.indexOf(b.kind) ||
          byResidenceThenId(a.personId, b.personId),
      );
    const story = stories[0];
    if (story) {
      used.add(story.personId);
      byCase[name] = { pupilId: story.personId, absenceStart: story.startDate, story };
      continue;
    }
    const start = firstSchoolDay(addDays(asOf, -w.fallback));
    const plain = [...atSchool.keys()]
      .filter(
        (id) => !used.has(id) && !withStory.has(id) && covers(id, region.schoolYear.start, asOf),
      )
      .sort(byResidenceThenId)[0];
    if (!plain) continue;
    used.add(plain);
    byCase[name] = { pupilId: plain, absenceStart: start, story: null };
  }
  const parentCase =
    byCase.breakthrough?.pupilId ??
    byCase.director?.pupilId ??
    byCase.school?.pupilId ??
    region.pupils[0]?.pupilId;
  if (!parentCase) throw new Error("demo: the region has no pupils");
  return { schoolId: school.schoolId, byCase, parentCase };
}

export interface DemoStep {
  date: IsoDate;
  run: () => Promise<void>;
}

export interface DemoScriptContext {
  db: Database;
  region: DemoRegion;
  accounts: DemoAccounts;
  pupils: DemoPupils;
  actor: (name: DemoAccountName) => AccessActor;
  /** Filled as the script opens its cases. */
  cases: Partial<Record<DemoCaseName, Case>>;
  asOf: IsoDate;
}

export interface DemoCaseScript {
  steps: DemoStep[];
}

type Outcome = { ok: true } | { ok: false; error: string; message: string };

/** A refused step stops the demo: the script no longer fits the application's rules. */
function must(label: string, result: Outcome): void {
  if (!result.ok) throw new Error(`demo script, ${label}: ${result.error} (${result.message})`);
}

/** The first Thursday after `date`: the breakthrough team meets on Thursdays. */
function nextThursday(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (isoWeekday(day) !== 4) day = addDays(day, 1);
  return day;
}

export function demoCaseScript(ctx: DemoScriptContext): DemoCaseScript {
  const { db, accounts, pupils, actor, cases, asOf, region } = ctx;
  const steps: DemoStep[] = [];
  const school = region.schools[0];
  if (!school) throw new Error("demo: the region has no schools");
  const home = school.municipality;
  const org = {
    school: school.schoolId,
    jeugdteam: `Jeugdteam ${home}`,
    jeugdarts: `GGD jeugdgezondheidszorg ${home}`,
    swv: `Samenwerkingsverband ${school.partnership}`,
    doorbraakteam: `Doorbraakteam ${home}`,
    leerplicht: `gemeente ${home}`,
    casusregisseur: "casusregie onderwijs en zorg",
  };
  const birthDate = new Map(region.pupils.map((p) => [p.pupilId, p.birthDate]));
  const residence = new Map(region.pupils.map((p) => [p.pupilId, p.municipality]));

  for (const name of DEMO_CASE_NAMES) {
    const choice = pupils.byCase[name];
    if (!choice) continue;
    const s = choice.absenceStart;
    const pupilId = choice.pupilId;
    /** The first weekday on or after absence start + n days, never after the demo date. */
    const on = (n: number): IsoDate => {
      let day = addDays(s, n);
      while (isoWeekday(day) > 5) day = addDays(day, 1);
      if (day > asOf) return asOf;
      return day;
    };
    const caseId = () => {
      const c = cases[name];
      if (!c) throw new Error(`demo script: the ${name} case is not open`);
      return c.id;
    };
    const actions = new Map<string, string>();
    const label = (what: string) => `${name} case (${pupilId}), ${what}`;
    const at = (date: IsoDate, what: string, run: (today: IsoDate) => Promise<Outcome>) =>
      steps.push({
        date,
        run: async () => must(label(what), await run(date)),
      });
    const parentId = pupilId === pupils.parentCase ? accounts.ouder : `ouder-van-${pupilId}`;

    // The building blocks, each one command.
    const open = (date: IsoDate, by: DemoAccountName, reason: string) =>
      at(date, "open", async (today) => {
        const r = await openCaseCommand(
          db,
          actor(by),
          {
            pupilId,
            schoolId: pupils.schoolId,
            opening: { kind: "by_hand", reason },
            absenceStartDate: s,
            absenceStartedSick: choice.story?.kind === "long_sick",
          },
          today,
        );
        if (r.ok) cases[name] = r.case;
        return r;
      });
    const join = (date: IsoDate, by: DemoAccountName, who: DemoAccountName, organisation: string) =>
      at(date, `add ${who}`, (today) =>
        addCaseParticipant(
          db,
          actor(by),
          caseId(),
          { userId: accounts[who], role: DEMO_ACCOUNTS[who], organisation },
          today,
        ),
      );
    /** The parents' decision (the ouder account decides itself), and the child's from 12. */
    const consent = (
      date: IsoDate,
      by: DemoAccountName,
      purpose: ConsentPurpose,
      decision: ConsentDecision,
      subject?: string,
    ) => {
      const record = (who: DemoAccountName, giver: ConsentGiver) =>
        at(date, `consent ${purpose} ${decision} (${giver.kind})`, (today) =>
          recordCaseConsent(
            db,
            actor(who),
            caseId(),
            { purpose, decision, giver, ...(subject ? { subject } : {}) },
            today,
          ),
        );
      const parentActs = parentId === accounts.ouder;
      record(parentActs ? "ouder" : by, { kind: "parent", personId: parentId });
      const born = birthDate.get(pupilId);
      if (born && ageOn(born, date) >= 12) {
        record(parentActs ? "zorgcoordinator" : by, { kind: "child" });
      }
    };
    const event = (date: IsoDate, by: DemoAccountName, kind: CaseEventKind, note: string) =>
      at(date, `event ${kind}`, (today) =>
        recordCaseEvent(db, actor(by), caseId(), { kind, date: today, note }, today),
      );
    const goal = (
      date: IsoDate,
      by: DemoAccountName,
      domain: GoalDomain,
      text: string,
      measure: string,
      targetDays: number,
    ) =>
      at(date, "goal", (today) =>
        addPlanGoal(
          db,
          actor(by),
          caseId(),
          { domain, text, measure, targetDate: addDays(today, targetDays) },
          today,
        ),
      );
    const action = (
      date: IsoDate,
      by: DemoAccountName,
      key: string,
      description: string,
      owner: DemoAccountName,
      dueDays: number,
    ) =>
      at(date, `action ${key}`, async (today) => {
        const r = await addPlanAction(
          db,
          actor(by),
          caseId(),
          {
            description,
            ownerPersonId: accounts[owner],
            ownerOrganisation: org[owner as keyof typeof org] ?? org.school,
            dueDate: addDays(today, dueDays),
          },
          today,
        );
        if (r.ok) actions.set(key, r.action.id);
        return r;
      });
    const done = (date: IsoDate, by: DemoAccountName, key: string) =>
      at(date, `action ${key} done`, (today) =>
        updatePlanActionStatus(
          db,
          actor(by),
          caseId(),
          { actionId: actions.get(key) ?? "", status: "done" },
          today,
        ),
      );
    /** A step of leerplicht's procedure (MAS), recorded as the leerplicht account. */
    const mas = (date: IsoDate, step: Omit<MasStepInput, "date">) =>
      at(date, `MAS ${step.kind}`, (today) =>
        recordMasStep(db, actor("leerplicht"), pupilId, { ...step, date: today }, today),
      );
    const handOver = (date: IsoDate, reason: string) =>
      at(date, "hand over", (today) =>
        escalateCase(
          db,
          actor("zorgcoordinator"),
          caseId(),
          { reason, newOwnerUserId: accounts.casusregisseur },
          today,
        ),
      );
    const stagnation = (
      date: IsoDate,
      by: DemoAccountName,
      cause: StagnationCause,
      note: string,
      waitingFor?: DemoArrangementId,
    ) =>
      at(date, `stagnation ${cause}`, (today) =>
        flagCaseStagnation(
          db,
          actor(by),
          caseId(),
          { cause, note, ...(waitingFor ? { waitingForArrangementId: waitingFor } : {}) },
          today,
        ),
      );
    const ladder = (date: IsoDate, situation: LadderSituation, mode: WorkingMode, reason: string) =>
      at(date, `ladder ${situation}`, (today) =>
        recordCaseLadderStep(
          db,
          actor("casusregisseur"),
          caseId(),
          { situation, mode, reason },
          today,
        ),
      );
    const meeting = (
      date: IsoDate,
      kind: MeetingInput["kind"],
      who: DemoAccountName[],
      decisions: { text: string; owner?: DemoAccountName; dueDays?: number }[],
    ) =>
      at(date, `meeting ${kind}`, (today) =>
        recordCaseMeeting(
          db,
          actor("casusregisseur"),
          caseId(),
          {
            kind,
            date: today,
            participantIds: who.map((w) => accounts[w]),
            decisions: decisions.map((d) =>
              d.owner
                ? {
                    text: d.text,
                    action: {
                      ownerPersonId: accounts[d.owner],
                      ownerOrganisation: org[d.owner as keyof typeof org] ?? org.school,
                      dueDate: addDays(today, d.dueDays ?? 14),
                    },
                  }
                : { text: d.text },
            ),
          },
          today,
        ),
      );
    const document = (
      date: IsoDate,
      by: DemoAccountName,
      fileName: string,
      visibility: DocumentVisibility,
      text: string,
    ) =>
      at(date, `document ${fileName}`, (today) =>
        uploadCaseDocument(
          db,
          actor(by),
          caseId(),
          {
            name: fileName,
            mimeType: "text/plain",
            visibility,
            content: Buffer.from(`${text}\n`, "utf8"),
          },
          today,
        ),
      );
    const budget = (date: IsoDate, key: string, amountCents: number, purpose: string) =>
      at(date, `budget ${key}`, async (today) => {
        const r = await commitBudget(
          db,
          actor("casusregisseur"),
          caseId(),
          { amountCents, purpose },
          today,
        );
        if (r.ok) actions.set(`budget:${key}`, r.entry.id);
        return r;
      });
    const attribute = (date: IsoDate, key: string, amountCents: number) =>
      at(date, `attribute ${key}`, (today) => {
        const split = splitContribution(amountCents);
        const municipality = residence.get(pupilId) ?? home;
        return attributeBudget(
          db,
          actor("casusregisseur"),
          caseId(),
          {
            commitmentId: actions.get(`budget:${key}`) ?? "",
            shares: [
              {
                party: { kind: "municipality", id: municipality },
                amountCents: split.municipalityCents,
              },
              {
                party: { kind: "partnership", id: school.partnership },
                amountCents: split.partnershipCents,
              },
            ],
          },
          today,
        );
      });
    const direct = (date: IsoDate, what: string, run: () => Promise<void>) =>
      at(date, what, async () => {
        await run();
        return { ok: true };
      });

    switch (name) {
      case "school": {
        open(
          on(0),
          "mentor",
          "Leerling is sinds enkele dagen niet op school; ouders niet bereikbaar.",
        );
        event(
          on(0),
          "mentor",
          "mentor_contact",
          "Mentor heeft moeder gebeld; kind wil niet naar school.",
        );
        join(on(1), "zorgcoordinator", "zorgcoordinator", org.school);
        consent(on(1), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "given");
        event(
          on(1),
          "zorgcoordinator",
          "school_review",
          "Eerste wekelijkse bespreking in het zorgteam.",
        );
        goal(
          on(2),
          "zorgcoordinator",
          "education",
          "Leerling volgt weer de ochtenden in de eigen groep.",
          "Aanwezig op minstens 4 ochtenden per week",
          28,
        );
        action(
          on(2),
          "zorgcoordinator",
          "analyse",
          "Gesprek met ouders en kind over de oorzaak van het verzuim",
          "zorgcoordinator",
          5,
        );
        action(
          on(2),
          "zorgcoordinator",
          "opvang",
          "Vast opvangmoment bij binnenkomst met de mentor",
          "mentor",
          10,
        );
        break;
      }
      case "director": {
        open(
          on(0),
          "mentor",
          "Leerling zit thuis met buikpijnklachten; de mentor maakt zich zorgen.",
        );
        event(on(0), "mentor", "mentor_contact", "Mentor sprak vader en leerling aan de telefoon.");
        join(on(1), "zorgcoordinator", "zorgcoordinator", org.school);
        consent(on(1), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "given");
        join(on(3), "zorgcoordinator", "leerplicht", org.leerplicht);
        event(
          on(3),
          "leerplicht",
          "first_conversation",
          "Eerste gesprek leerplicht met ouders en leerling.",
        );
        handOver(on(7), "De school verwacht dat het verzuim langer dan 4 weken duurt.");
        event(
          on(8),
          "casusregisseur",
          "professional_contact",
          "Casusregisseur belde ouders en plande een huisbezoek.",
        );
        consent(on(8), "casusregisseur", "involve_partner", "given", org.jeugdteam);
        consent(on(8), "casusregisseur", "agree_with_plan", "given");
        join(on(9), "casusregisseur", "jeugdteam", org.jeugdteam);
        // The case director reports the pupil to the regional reference index (Verwijsindex).
        at(on(9), "verwijsindex", (today) =>
          recordVerwijsindexReport(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              reportedOn: today,
              reportedBy: "Demo Casusregisseur, casusregisseur onderwijs en zorg",
              organisation: `Casusregie onderwijs en zorg ${home}`,
            },
            today,
          ),
        );
        meeting(
          on(10),
          "mdo_zat",
          ["casusregisseur", "zorgcoordinator", "mentor", "jeugdteam"],
          [
            {
              text: "Het jeugdteam meldt de leerling met spoed aan bij de jeugd-GGZ.",
              owner: "jeugdteam",
              dueDays: 7,
            },
            { text: "Casusregisseur en school werken een aangepast rooster uit." },
          ],
        );
        goal(
          on(10),
          "casusregisseur",
          "education",
          "Leerling gaat 3 dagdelen per week naar school.",
          "Aanwezigheid per week in de administratie",
          42,
        );
        goal(
          on(10),
          "casusregisseur",
          "care",
          "Behandeling van de angstklachten is gestart.",
          "Intake en eerste behandelafspraak gehad",
          56,
        );
        action(
          on(10),
          "casusregisseur",
          "rooster",
          "Aangepast rooster opstellen (Variawet)",
          "zorgcoordinator",
          14,
        );
        event(on(14), "jeugdteam", "home_visit", "Huisbezoek jeugdteam.");
        ladder(
          on(17),
          "complicated",
          "consultation",
          "Meer deskundigen nodig: angstklachten en schoolweigering.",
        );
        stagnation(
          on(21),
          "jeugdteam",
          "waiting_list_youth_care",
          "Wachtlijst dagbehandeling jeugd-GGZ: naar verwachting 10 weken.",
          "ARR-JH-DAGBEHANDELING",
        );
        budget(
          on(22),
          "begeleiding",
          240_000,
          "Individuele begeleiding op school tot de behandeling start",
        );
        direct(on(24), "variawet", () =>
          insertVariawet(db.orm, {
            id: randomUUID(),
            pupilId,
            schoolId: pupils.schoolId,
            startDate: on(24),
            endDate: addDays(on(24), 84),
            hoursPerWeek: 12,
            approval: { approved: true, by: `Leerplichtambtenaar gemeente ${home}`, date: on(24) },
            caseId: caseId(),
          }),
        );
        done(on(24), "zorgcoordinator", "rooster");
        event(
          on(28),
          "casusregisseur",
          "director_review",
          "Maandelijkse bespreking van het verzuim met de casusregisseur.",
        );
        break;
      }
      case "breakthrough": {
        open(
          on(0),
          "zorgcoordinator",
          "Langdurig ziek gemeld zonder duidelijke diagnose; school ziet sociale terugtrekking.",
        );
        join(on(0), "zorgcoordinator", "mentor", org.school);
        event(on(1), "mentor", "mentor_contact", "Mentor belde moeder.");
        consent(on(2), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "refused");
        document(
          on(3),
          "zorgcoordinator",
          "Verslag gesprek met ouders.txt",
          "also_parents",
          "Gesprek op school met ouders over het verzuim en de zorgen thuis (synthetische demotekst).",
        );
        handOver(on(7), "Zorgen over langdurige afwezigheid; regie bij de casusregisseur.");
        event(
          on(8),
          "casusregisseur",
          "professional_contact",
          "Kennismaking casusregisseur met ouders.",
        );
        consent(on(8), "casusregisseur", "involve_partner", "given", org.jeugdarts);
        consent(on(8), "casusregisseur", "involve_partner", "refused", org.swv);
        join(on(9), "casusregisseur", "jeugdarts", org.jeugdarts);
        event(
          on(10),
          "jeugdarts",
          "partner_conversation",
          "Spreekuur jeugdarts met ouders en leerling.",
        );
        document(
          on(10),
          "jeugdarts",
          "Medische notitie jeugdarts.txt",
          "jgz_only",
          "Medische notitie van de jeugdarts (synthetische demotekst, alleen JGZ).",
        );
        goal(
          on(14),
          "casusregisseur",
          "education",
          "Passende onderwijsplek gevonden en gestart.",
          "Plaatsing met startdatum",
          60,
        );
        action(
          on(14),
          "casusregisseur",
          "toelating",
          "Toelaatbaarheidsverklaring speciaal onderwijs aanvragen",
          "casusregisseur",
          14,
        );
        ladder(on(21), "complex", "co_creation", "Alle partijen nodig; geen plek binnen bereik.");
        stagnation(
          on(28),
          "casusregisseur",
          "refusal_by_party",
          "De school voor speciaal onderwijs weigert plaatsing wegens vol.",
          "ARR-SO-KOMPAS",
        );
        consent(on(34), "casusregisseur", "involve_partner", "given", org.doorbraakteam);
        at(on(35), "convene", (today) =>
          conveneBreakthrough(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              reason: "Stagnatie: geen plaats in het speciaal onderwijs.",
              meetingDate: nextThursday(asOf),
            },
            today,
          ),
        );
        // Convening made the team's members with an account participants (consent (b) above).
        document(
          on(37),
          "casusregisseur",
          "Uitnodiging doorbraakteam.txt",
          "also_parents",
          "Uitnodiging voor ouders: de casus staat op de agenda van het doorbraakteam (synthetische demotekst).",
        );
        break;
      }
      case "arbitration": {
        open(
          on(0),
          "zorgcoordinator",
          "Leerling weigert naar school te komen; conflict tussen ouders en school.",
        );
        join(on(0), "zorgcoordinator", "mentor", org.school);
        event(on(0), "mentor", "mentor_contact", "Mentor sprak leerling en moeder.");
        consent(on(2), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "given");
        join(on(3), "zorgcoordinator", "leerplicht", org.leerplicht);
        handOver(on(7), "Verzuim en conflict: regie bij de casusregisseur.");
        consent(on(8), "casusregisseur", "involve_partner", "given", org.jeugdteam);
        consent(on(8), "casusregisseur", "involve_partner", "given", org.swv);
        join(on(9), "casusregisseur", "jeugdteam", org.jeugdteam);
        join(on(9), "casusregisseur", "swv", org.swv);
        event(on(9), "casusregisseur", "professional_contact", "Casusregisseur sprak ouders.");
        event(
          on(12),
          "leerplicht",
          "first_conversation",
          "Gesprek leerplicht met ouders (te laat, wachttijd).",
        );
        goal(
          on(12),
          "casusregisseur",
          "education",
          "Terug naar school op een plek waar ouders en school mee instemmen.",
          "Instroomdatum afgesproken",
          45,
        );
        goal(
          on(12),
          "casusregisseur",
          "care",
          "Gezinsbegeleiding gestart.",
          "Eerste afspraak gezinscoach",
          21,
        );
        action(on(12), "casusregisseur", "gezin", "Gezinscoach inzetten", "jeugdteam", 14);
        stagnation(
          on(20),
          "jeugdteam",
          "disagreement_with_parents",
          "Ouders en school zijn het oneens over de plek.",
        );
        ladder(on(20), "complex", "co_creation", "Partijen komen er samen niet uit.");
        done(on(26), "jeugdteam", "gezin");
        consent(on(39), "casusregisseur", "involve_partner", "given", org.doorbraakteam);
        at(on(40), "week-8 decision", (today) =>
          recordBreakthroughCheck(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              offerExpectedWithin4Weeks: false,
              reason: "Geen passend aanbod binnen 4 weken te verwachten.",
            },
            today,
          ),
        );
        // The week-8 "no" convened the team: its members with an account take part already.
        meeting(
          on(47),
          "breakthrough_team",
          ["casusregisseur", "doorbraakteam", "jeugdteam", "leerplicht"],
          [
            {
              text: "Ouders en school komen niet tot overeenstemming: bindende arbitrage voorstellen.",
            },
            {
              text: "Casusregisseur vraagt ouders om toestemming voor bindende arbitrage.",
              owner: "casusregisseur",
              dueDays: 7,
            },
            {
              text: "Jeugdteam onderzoekt een tijdelijke dagbesteding met onderwijs.",
              owner: "jeugdteam",
              dueDays: 21,
            },
          ],
        );
        consent(on(52), "casusregisseur", "binding_arbitration", "given");
        at(on(55), "start arbitration", (today) =>
          startArbitration(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              reason:
                "Partijen en ouders komen niet tot overeenstemming; ouders stemmen in met bindende arbitrage.",
              committee: {
                parentsRepresentative: "mr. P. de Vries (namens ouders)",
                ownPartnershipMember: `lid doorbraakteam ${school.partnership}`,
                neighbouringPartnershipMember: "lid doorbraakteam buurregio",
              },
            },
            today,
          ),
        );
        meeting(
          on(62),
          "arbitration_hearing",
          ["casusregisseur", "doorbraakteam"],
          [
            {
              text: "Hoorzitting gehouden; uitspraak volgt na aanvullende informatie van de school.",
              owner: "zorgcoordinator",
              dueDays: 10,
            },
          ],
        );
        break;
      }
      case "prosecutor": {
        open(on(0), "mentor", "Ongeoorloofd verzuim, leerling wordt thuisgehouden.");
        event(on(0), "mentor", "mentor_contact", "Mentor kreeg vader aan de lijn.");
        consent(on(1), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "given");
        join(on(1), "zorgcoordinator", "leerplicht", org.leerplicht);
        event(
          on(2),
          "leerplicht",
          "first_conversation",
          "Leerplicht sprak ouders op het gemeentehuis.",
        );
        // Leerplicht's own procedure (MAS) beside the case; the case director reads it.
        if (residence.get(pupilId) === home) {
          mas(on(1), { kind: "conversation_invited", note: "Brief aan ouders en leerling." });
          mas(on(2), {
            kind: "conversation_held",
            note: "Ouders en leerling op het gemeentehuis.",
          });
          mas(on(2), { kind: "agreements", note: "Leerling is elke dag om 8.20 uur op school." });
          mas(on(6), {
            kind: "warning",
            note: "Afspraken niet nagekomen; schriftelijke waarschuwing.",
          });
          mas(on(9), { kind: "care_referral", organisation: org.jeugdteam });
          const born = birthDate.get(pupilId);
          if (born && ageOn(born, on(16)) >= HALT_MINIMUM_AGE) {
            mas(on(16), { kind: "halt_referral", note: "Leerling zelf verwijtbaar afwezig." });
          }
          mas(on(44), {
            kind: "official_report",
            route: "civil",
            note: "Verzoek tot onderzoek bij de Raad voor de Kinderbescherming.",
          });
        }
        handOver(on(7), "Ouders werken niet mee; regie bij de casusregisseur.");
        event(on(8), "casusregisseur", "professional_contact", "Huisbezoek casusregisseur.");
        goal(
          on(14),
          "casusregisseur",
          "education",
          "Leerling gaat weer volledig naar school.",
          "Aanwezigheid 100% in 4 weken",
          28,
        );
        action(
          on(14),
          "casusregisseur",
          "afspraak",
          "Schriftelijke afspraken met ouders over schoolgang",
          "casusregisseur",
          7,
        );
        consent(on(15), "casusregisseur", "agree_with_plan", "refused");
        stagnation(
          on(21),
          "casusregisseur",
          "disagreement_with_parents",
          "Ouders weigeren elke afspraak.",
        );
        ladder(
          on(21),
          "chaotic",
          "assertive_direction",
          "Ouders werken niet mee; geen zicht op oplossing binnen de termijn.",
        );
        at(on(28), "convene", (today) =>
          conveneBreakthrough(
            db,
            actor("casusregisseur"),
            caseId(),
            { reason: "Stagnatie: ouders weigeren mee te werken.", meetingDate: on(35) },
            today,
          ),
        );
        meeting(
          on(35),
          "breakthrough_team",
          ["casusregisseur", "leerplicht"],
          [
            {
              text: "Ouders om toestemming voor bindende arbitrage vragen; bij weigering verwijzen.",
            },
          ],
        );
        consent(on(40), "casusregisseur", "binding_arbitration", "refused");
        ladder(
          on(44),
          "stagnated",
          "forcing_direction",
          "Ouders weigeren arbitrage; forcerende regie.",
        );
        at(on(45), "refer to the prosecutor", (today) =>
          referToProsecutor(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              route: "civil",
              reason:
                "Ouders weigeren bindende arbitrage; verzoek om onderzoek via de Raad voor de Kinderbescherming.",
            },
            today,
          ),
        );
        break;
      }
      case "closed": {
        open(on(0), "zorgcoordinator", "Leerling is overvraagd in de groep en blijft thuis.");
        join(on(0), "zorgcoordinator", "mentor", org.school);
        event(on(0), "mentor", "mentor_contact", "Mentor sprak ouders dezelfde dag.");
        consent(on(1), "zorgcoordinator", "share_authorized_absence_with_leerplicht", "given");
        handOver(on(7), "School verwacht een lange afwezigheid; een passende plek is nodig.");
        event(
          on(8),
          "casusregisseur",
          "professional_contact",
          "Casusregisseur sprak ouders en leerling.",
        );
        consent(on(9), "casusregisseur", "involve_partner", "given", org.swv);
        consent(on(9), "casusregisseur", "agree_with_plan", "given");
        join(on(10), "casusregisseur", "swv", org.swv);
        event(
          on(11),
          "swv",
          "partner_conversation",
          "Consulent samenwerkingsverband sprak ouders.",
        );
        goal(
          on(12),
          "casusregisseur",
          "education",
          "Leerling start in het onderwijs-zorgarrangement.",
          "Startdatum en aanwezigheid",
          35,
        );
        action(on(12), "casusregisseur", "aanmelding", "Aanmelding bij OZA De Brug", "swv", 10);
        action(
          on(12),
          "casusregisseur",
          "vervoer",
          "Leerlingenvervoer regelen",
          "casusregisseur",
          20,
        );
        budget(
          on(20),
          "oza",
          450_000,
          "Bekostiging plaats in het onderwijs-zorgarrangement (eerste periode)",
        );
        done(on(21), "swv", "aanmelding");
        done(on(30), "casusregisseur", "vervoer");
        direct(on(35), "placement", () =>
          insertPlacement(db.orm, {
            arrangementId: "ARR-OZA-DEBRUG",
            pupilId,
            startDate: on(35),
          }),
        );
        at(on(35), "offer started", (today) =>
          recordOfferStarted(db, actor("casusregisseur"), caseId(), { startedOn: today }, today),
        );
        event(
          on(49),
          "casusregisseur",
          "director_review",
          "Evaluatie: leerling gaat elke dag naar het arrangement.",
        );
        attribute(on(56), "oza", 450_000);
        at(on(60), "close", (today) =>
          closeCase(
            db,
            actor("casusregisseur"),
            caseId(),
            {
              outcome: "education_care_arrangement" satisfies CaseOutcome,
              reason:
                "Leerling gaat volledig naar het onderwijs-zorgarrangement; aanwezigheid hersteld.",
            },
            today,
          ),
        );
        break;
      }
    }
  }
  steps.push(...leerplichtWithoutCase(ctx, home));
  return { steps };
}

/**
 * Leerplicht's procedure (MAS) for a resident of the home municipality without a case: invited,
 * spoken, agreements kept, closed with the outcome (issue 15 item 3: "with or without a case").
 */
function leerplichtWithoutCase(ctx: DemoScriptContext, home: string): DemoStep[] {
  const { db, pupils, actor, asOf, region } = ctx;
  const inCase = new Set(Object.values(pupils.byCase).map((choice) => choice.pupilId));
  const candidates = region.pupils.filter(
    (p) => p.municipality === home && !inCase.has(p.pupilId) && p.pupilId !== pupils.parentCase,
  );
  const pupil =
    candidates.find((p) => ageOn(p.birthDate, asOf) >= HALT_MINIMUM_AGE) ?? candidates[0];
  if (!pupil) return [];
  const day = (back: number): IsoDate => {
    let d = addDays(asOf, -back);
    while (isoWeekday(d) > 5) d = addDays(d, -1);
    return d;
  };
  const step = (date: IsoDate, input: Omit<MasStepInput, "date">): DemoStep => ({
    date,
    run: async () =>
      must(
        `leerplicht without a case (${pupil.pupilId}), MAS ${input.kind}`,
        await recordMasStep(db, actor("leerplicht"), pupil.pupilId, { ...input, date }, date),
      ),
  });
  return [
    step(day(40), { kind: "conversation_invited", note: "Na melding van de school." }),
    step(day(35), { kind: "conversation_held", note: "Gesprek met moeder en leerling." }),
    step(day(35), { kind: "agreements", note: "Wekelijks contact met de mentor." }),
    step(day(7), {
      kind: "outcome",
      outcome: "attendance_restored",
      note: "Afspraken nagekomen; leerling gaat weer elke dag.",
    }),
  ];
}
