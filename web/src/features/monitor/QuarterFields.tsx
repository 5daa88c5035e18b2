// The monitor's form fields: a quarter as Dutch users write it ("2026-K1"), checked before
// anything is sent, and the choice of grouping (municipality, partnership, school).
import { useState } from "react";
import { GROUPINGS, isGrouping, type MonitorGrouping } from "../../api/monitor.ts";
import { SelectField } from "../../components/FormFields.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { parseQuarter, quarterLabel } from "./use-monitor.ts";

export interface QuarterInput {
  text: string;
  setText: (text: string) => void;
  error: string | undefined;
  /** The quarter typed (`YYYY-Qn`), or null with the field's error message set. */
  read: () => string | null;
}

export function useQuarterInput(initial: string): QuarterInput {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const read = () => {
    const quarter = parseQuarter(text);
    setError(quarter ? undefined : t.monitorScreens.trends.quarterInvalid);
    return quarter;
  };
  return { text, setText, error, read };
}

export function QuarterField({
  id,
  label,
  input,
}: {
  id: string;
  label: string;
  input: QuarterInput;
}) {
  return (
    <TextField
      id={id}
      label={label}
      value={quarterLabel(input.text)}
      error={input.error}
      autoComplete="off"
      size={8}
      onChange={(e) => input.setText(e.target.value)}
    />
  );
}

export function GroupingField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: MonitorGrouping;
  onChange: (by: MonitorGrouping) => void;
}) {
  return (
    <SelectField
      id={id}
      label={t.monitor.by}
      value={value}
      onChange={(v) => onChange(isGrouping(v) ? v : "municipality")}
      options={GROUPINGS.map((g) => ({ value: g, label: t.monitor.byOptions[g] ?? g }))}
    />
  );
}
