// `aanwezig region show` and `aanwezig region set --file FILE` (issue 14 item 1): the region's
// settings from the command line — the same validation and audit as PUT
// /api/admin/region-settings (services/region-settings.ts), for scripts that set a region up.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  currentRegionSettings,
  type StoredRegionSettings,
} from "../../db/repositories/region-settings.ts";
import { domainToday } from "../../db/repositories/settings.ts";
import { cliCaller } from "../../services/cli-actor.ts";
import { saveRegionSettings } from "../../services/region-settings.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { BadInputError } from "../errors.ts";

export function registerRegion(program: Command): void {
  const region = program.command("region").description("the region's settings");
  region
    .command("show")
    .description("prints the region's settings (--format json: the API's shape)")
    .action(async (_opts, command: Command) => {
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        process.stdout.write(renderRegion(await currentRegionSettings(db.orm, db.sql), format));
      });
    });
  region
    .command("set")
    .description("saves the region's settings from a JSON file (the API's PUT body)")
    .requiredOption(
      "--file <file>",
      "JSON: name, municipalities, holiday_region, school_year, clock_mode, signal_profile",
    )
    .action(async (opts: { file: string }, command: Command) => {
      const { format } = globalOptions(command);
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(opts.file, "utf8"));
      } catch (error) {
        throw new BadInputError(
          `${opts.file}: geen leesbaar JSON-bestand (${(error as Error).message})`,
        );
      }
      await withDatabase(command, async (db) => {
        const saved = await saveRegionSettings(
          db,
          input,
          cliCaller("region set"),
          await domainToday(db.orm),
        );
        if (!saved.ok) {
          throw new BadInputError(
            `${opts.file}: de regio-instellingen zijn niet opgeslagen`,
            saved.errors.map((e) => `${opts.file}: ${e.path || "(bestand)"}: ${e.message}`),
          );
        }
        process.stdout.write(renderRegion(saved.settings, format));
      });
    });
}

export function renderRegion(s: StoredRegionSettings, format: string): string {
  const body = {
    name: s.name,
    municipalities: s.municipalities,
    holiday_region: s.holidayRegion,
    school_year: s.schoolYear,
    clock_mode: s.clockMode,
    signal_profile: s.signalProfile,
    configured: s.configured,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
  };
  if (format === "json") return `${JSON.stringify(body)}\n`;
  const profile =
    typeof s.signalProfile === "string"
      ? s.signalProfile
      : `${s.signalProfile.name} (eigen profiel)`;
  return `${[
    s.configured ? `regio: ${s.name}` : "regio: nog niet ingericht (standaardinstellingen)",
    `  gemeenten: ${s.municipalities.join(", ") || "-"}`,
    `  vakantieregio: ${s.holidayRegion}`,
    `  schooljaar: ${s.schoolYear}`,
    `  klok: ${s.clockMode === "lesweken" ? "lesweken" : "kalenderweken"}`,
    `  signaalprofiel: ${profile}`,
  ].join("\n")}\n`;
}
