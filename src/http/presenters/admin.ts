// What the administration endpoints send and accept (src/http/routes/admin-*.ts): accounts with
// their roles, the scope each role needs, schools with their calendars, import jobs and the
// import log. Zod and the domain's role codes only, so the web app can import the types.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../domain/policy/password-length.ts";
import { ROLE_CODES, type RoleCode } from "../../domain/policy/roles.ts";
import { IMPORT_KINDS } from "../../import/kind-spec.ts";
import { PupilId, SchoolId, ShortText } from "../input-schemas.ts";
import { RoleAssignmentSchema } from "./me.ts";

export const SCOPE_KINDS = ["school", "municipality", "partnership", "pupil", "none"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const SCOPE_OF_ROLE: Record<RoleCode, ScopeKind> = {
  teacher: "school",
  care_coordinator: "school",
  school_head: "school",
  attendance_officer: "municipality",
  case_director: "municipality",
  youth_doctor: "municipality",
  youth_care: "municipality",
  breakthrough_member: "municipality",
  policy_officer: "municipality",
  partnership_consultant: "partnership",
  parent: "pupil",
  app_admin: "none",
  privacy_officer: "none",
};

export const AccountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    created_at: z.iso.datetime({ offset: true }),
    disabled_at: z.iso.datetime({ offset: true }).nullable(),
    roles: z.array(RoleAssignmentSchema),
  })
  .meta({ id: "Account" });

export const RoleScopeKindsSchema = z
  .array(z.object({ role: z.enum(ROLE_CODES), scope: z.enum(SCOPE_KINDS) }))
  .meta({ id: "RoleScopeKinds" });

const ScopeValue = ShortText.trim().min(1).max(100);

export const NewAccountSchema = z
  .object({
    email: z.email().max(254),
    name: ShortText.trim().min(1),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH)
      .max(PASSWORD_MAX_LENGTH)
      .optional()
      .describe(
        "initial password; leave out for an account that logs in through OIDC only. Any " +
          "characters; refused (400) when common, breached or easy to guess (NIST SP 800-63B)",
      ),
    role: z.enum(ROLE_CODES),
    school_id: SchoolId.optional(),
    municipality: ScopeValue.optional(),
    partnership: ScopeValue.optional(),
    pupil_id: PupilId.optional(),
  })
  .meta({ id: "NewAccount" });

export type AccountBody = z.infer<typeof AccountSchema>;
export type NewAccountBody = z.infer<typeof NewAccountSchema>;

export const AdminSchoolSchema = z
  .object({
    school_id: z.string(),
    name: z.string(),
    sector: z.string(),
    municipality: z.string(),
    partnership: z.string(),
    holiday_region: z.string(),
    minutes: z.object({
      mon: z.number().int(),
      tue: z.number().int(),
      wed: z.number().int(),
      thu: z.number().int(),
      fri: z.number().int(),
    }),
    closures: z.array(
      z.object({
        scope: z.string(),
        start_date: z.iso.date(),
        end_date: z.iso.date(),
        name: z.string(),
      }),
    ),
  })
  .meta({ id: "AdminSchool" });

export type AdminSchoolBody = z.infer<typeof AdminSchoolSchema>;

const RowErrorSchema = z.object({ line: z.number().int(), column: z.string(), reason: z.string() });

export const ImportJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    file_name: z.string(),
    bytes: z.number().int(),
    phase: z.enum(["queued", "reading", "checking", "writing", "done"]),
    rows: z.number().int().describe("rows read so far (all rows once done)"),
    started_at: z.iso.datetime({ offset: true }),
    finished_at: z.iso.datetime({ offset: true }).nullable(),
    status: z.enum(["running", "imported", "rejected", "failed"]),
    result: z
      .object({
        import_id: z.number().int(),
        inserted: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        errors: z.array(RowErrorSchema).describe("the first errors by line"),
        errors_total: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "ImportJob" });

export const ImportLogEntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    file_name: z.string(),
    started_at: z.iso.datetime({ offset: true }),
    finished_at: z.iso.datetime({ offset: true }).nullable(),
    outcome: z.string(),
    rows_total: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(RowErrorSchema),
    actor: z.string(),
  })
  .meta({ id: "ImportLogEntry" });

export type ImportJobBody = z.infer<typeof ImportJobSchema>;
export type ImportLogEntryBody = z.infer<typeof ImportLogEntrySchema>;
