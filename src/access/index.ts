// src/access: the one place that applies the policy (docs/adr/0001-access-module.md).
//   gate(orm, actor, action, resource, audit)  one resource: a Grant or a typed Refusal, one audit row
//   scopeList(orm, actor, action, kind, opts)   the ids a list may show, in bounded queries, audited
//   pupilsInReach / pupilReach                  the pupils a list of items (signals, reports) may be
//                                               about: load only theirs, then visibleItems decides
//   recordGrant / recordAllowed                 the allowed row of a gate passed auditRefusalOnly,
//                                               written with the change (recordAllowed: or a cli/demo event)
//   appendAudit(orm, AuditEvent)                any other audited event (jobs, command line)
// The rules themselves are src/domain/policy/rules.ts.
export { type AccessActor, accessActorOf, type Origin, policyActorOf, rolesOf } from "./actor.ts";
export { AuditUnavailable, appendAudit, flushAudit } from "./audit.ts";
export type { AuditAction, AuditEvent, AuditSubject, SetupAuditEvent } from "./audit-event.ts";
export {
  caseResource,
  documentResource,
  loadPupilFacts,
  type PupilFacts,
  type PupilRecordFacts,
  pupilFactsOf,
  pupilScope,
  pupilScopesOf,
  recordScope,
  signalResource,
} from "./facts.ts";
export {
  type AllowedBy,
  authorOf,
  type Grant,
  gate,
  grantsThatMay,
  may,
  mayEver,
  type Refusal,
  recordAllowed,
  recordGrant,
  type Verdict,
} from "./gate.ts";
export {
  pupilReach,
  pupilsInReach,
  recordListRead,
  scopeCases,
  scopeList,
  visibleItems,
  visiblePupilItems,
} from "./scope-list.ts";
