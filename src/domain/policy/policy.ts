// domain.md §2: the one entry point for authorization — can(actor, action, resource) and
// decide(...) with the reason, over the rules of rules.ts. Deny by default.
import type { Action, Actor, Resource } from "./resources.ts";
import { RULES, type Rule } from "./rules.ts";

export type Decision = { allowed: true; reason: string } | { allowed: false; reason: string };

function ruleText(rule: Rule, role: string, action: Action): string {
  return `${role} may ${action} on ${rule.resource} when ${rule.when.name}`;
}

export function decide(
  actor: Actor,
  action: Action,
  resource: Resource,
  rules: readonly Rule[] = RULES,
): Decision {
  const failed: string[] = [];
  for (const grant of actor.grants) {
    for (const rule of rules) {
      if (
        rule.resource !== resource.kind ||
        !rule.actions.includes(action) ||
        !rule.roles.includes(grant.role)
      ) {
        continue;
      }
      if (rule.when.test({ actor, grant, resource })) {
        return { allowed: true, reason: ruleText(rule, grant.role, action) };
      }
      failed.push(`${grant.role} needs ${rule.when.name}`);
    }
  }
  if (failed.length === 0) {
    const roles = actor.grants.map((g) => g.role).join(", ") || "no role";
    return { allowed: false, reason: `no rule lets ${roles} ${action} on ${resource.kind}` };
  }
  return { allowed: false, reason: failed.join("; ") };
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource).allowed;
}
