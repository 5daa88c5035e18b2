// The monitor's form fields: a quarter chosen from a list (issue 11: a free-text field that
// defaulted to the running quarter invited typing errors and half-counted quarters), shown as
// Dutch users write it ("2026-K1") and defaulting to the last completed quarter; and the choice
// of grouping (municipality, partnership, school).
import { useState } from "react";
import { GROUPINGS, isGrouping, type MonitorGrouping } from "../../api/monitor.ts";
import { SelectField } from "../../components/FormFields.tsx";
import { t } from "../../i18n/index.ts";
import { parseQuarter, quarterLabel, quarterOptions, useToday } from "./use-monitor.ts";

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
  const today = useToday();
  const options = quarterOptions(today);
  // A quarter chosen elsewhere (e.g. the start of a trend) stays in the list.
  if (!options.some((o) => o.value === input.text) && parseQuarter(input.text)) {
    options.push({ value: input.text, running: false });
  }
  return (
    <SelectField
      id={id}
      label={label}
      value={input.text}
      error={input.error}
      onChange={input.setText}
      options={options.map((o) => ({
        value: o.value,
        label: o.running ? t.work.runningQuarter(quarterLabel(o.value)) : quarterLabel(o.value),
      }))}
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
