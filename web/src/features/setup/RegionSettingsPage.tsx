// The region's settings (/beheer/regio, app_admin): name, municipalities, holiday region, school
// year, the clock of a case and the signal profile (default, mazl or the region's own JSON). The
// server validates and names each field in Dutch; its messages are shown at the field.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import {
  fetchRegionSettings,
  fieldErrorsOf,
  type RegionSettings,
  type RegionSettingsInput,
  saveRegionSettings,
} from "../../api/setup.ts";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";

const s = t.setup.region;

interface Draft {
  name: string;
  municipalities: string;
  holiday_region: string;
  school_year: string;
  clock_mode: string;
  profile: string;
  custom: string;
}

function draftOf(r: RegionSettings): Draft {
  const custom = typeof r.signal_profile === "object";
  return {
    name: r.name,
    municipalities: r.municipalities.join("\n"),
    holiday_region: r.holiday_region,
    school_year: r.school_year,
    clock_mode: r.clock_mode,
    profile: custom ? "custom" : (r.signal_profile as string),
    custom: custom ? JSON.stringify(r.signal_profile, null, 2) : "",
  };
}

export function RegionSettingsPage() {
  const settings = useQuery({
    queryKey: ["region-settings"],
    queryFn: ({ signal }) => fetchRegionSettings(signal),
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ProblemAlert error={settings.error} />;
  return <RegionSettingsForm current={settings.data} />;
}

function RegionSettingsForm({ current }: { current: RegionSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const [notice, setNotice] = useState("");
  useEffect(() => setDraft(draftOf(current)), [current]);
  const save = useMutation({
    mutationFn: (input: RegionSettingsInput) => saveRegionSettings(input),
    onSuccess: async (saved) => {
      setNotice(s.saved);
      queryClient.setQueryData(["region-settings"], saved);
      await queryClient.invalidateQueries({ queryKey: ["region-settings"] });
    },
  });
  const server = fieldErrorsOf(save.error);
  const errorOf = (field: string) => local[field] ?? server[field];
  const set = (field: keyof Draft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice("");
    const errors: Record<string, string> = {};
    if (!draft.name.trim()) errors.name = s.required;
    let profile: RegionSettingsInput["signal_profile"] = draft.profile as "default" | "mazl";
    if (draft.profile === "custom") {
      try {
        profile = JSON.parse(draft.custom) as Record<string, unknown>;
      } catch {
        errors.signal_profile = s.customInvalid;
      }
    }
    setLocal(errors);
    const first = Object.keys(errors)[0];
    if (first) {
      document.getElementById(`region-${first}`)?.focus();
      return;
    }
    save.mutate({
      name: draft.name.trim(),
      municipalities: draft.municipalities
        .split("\n")
        .map((m) => m.trim())
        .filter(Boolean),
      holiday_region: draft.holiday_region as RegionSettingsInput["holiday_region"],
      school_year: draft.school_year.trim(),
      clock_mode: draft.clock_mode as RegionSettingsInput["clock_mode"],
      signal_profile: profile,
    });
  }

  return (
    <>
      <Heading level={2}>{s.heading}</Heading>
      <Paragraph>
        {current.configured && current.updated_at
          ? s.savedAt(formatDate(current.updated_at))
          : s.notConfigured}
      </Paragraph>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      {save.isError && <ProblemAlert error={save.error} />}
      <form noValidate onSubmit={onSubmit} aria-label={s.heading}>
        <TextField
          id="region-name"
          label={s.name}
          value={draft.name}
          error={errorOf("name")}
          onChange={(e) => set("name")(e.currentTarget.value)}
        />
        <TextAreaField
          id="region-municipalities"
          label={s.municipalities}
          description={s.municipalitiesHint}
          value={draft.municipalities}
          error={errorOf("municipalities")}
          onChange={set("municipalities")}
        />
        <SelectField
          id="region-holiday_region"
          label={s.holidayRegion}
          value={draft.holiday_region}
          error={errorOf("holiday_region")}
          onChange={set("holiday_region")}
          options={[
            { value: "noord", label: "Noord" },
            { value: "midden", label: "Midden" },
            { value: "zuid", label: "Zuid" },
          ]}
        />
        <TextField
          id="region-school_year"
          label={`${s.schoolYear} (${s.schoolYearHint})`}
          value={draft.school_year}
          error={errorOf("school_year")}
          onChange={(e) => set("school_year")(e.currentTarget.value)}
        />
        <SelectField
          id="region-clock_mode"
          label={s.clockMode}
          value={draft.clock_mode}
          error={errorOf("clock_mode")}
          onChange={set("clock_mode")}
          options={[
            { value: "lesweken", label: s.clockModes.lesweken },
            { value: "calendar_weeks", label: s.clockModes.calendar_weeks },
          ]}
        />
        <SelectField
          id="region-profile"
          label={s.profile}
          description={s.profileHint}
          value={draft.profile}
          error={draft.profile === "custom" ? undefined : errorOf("signal_profile")}
          onChange={set("profile")}
          options={[
            { value: "default", label: s.profiles.default },
            { value: "mazl", label: s.profiles.mazl },
            { value: "custom", label: s.profiles.custom },
          ]}
        />
        {draft.profile === "custom" && (
          <TextAreaField
            id="region-signal_profile"
            label={s.customProfile}
            description={s.customProfileHint}
            rows={8}
            value={draft.custom}
            error={errorOf("signal_profile")}
            onChange={set("custom")}
          />
        )}
        <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
          {s.save}
        </Button>
      </form>
    </>
  );
}
