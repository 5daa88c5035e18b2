// The monitor's choice of date and grouping, kept in the address (?peildatum=&indeling=) so a
// figure can be bookmarked and shared; nothing is fetched until the form is submitted.
import { Button } from "@nl-design-system-candidate/button-react";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { isGrouping, type MonitorGrouping } from "../../api/monitor.ts";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { GroupingField } from "./QuarterFields.tsx";

export interface MonitorChoice {
  asOf: string;
  by: MonitorGrouping;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function useMonitorChoice(today: string): [MonitorChoice, (c: MonitorChoice) => void] {
  const [params, setParams] = useSearchParams();
  const date = params.get("peildatum");
  const by = params.get("indeling");
  const choice: MonitorChoice = {
    asOf: date && ISO_DATE.test(date) ? date : today,
    by: isGrouping(by) ? by : "municipality",
  };
  const set = (c: MonitorChoice) => {
    const next = new URLSearchParams(params);
    next.set("peildatum", c.asOf);
    next.set("indeling", c.by);
    setParams(next);
  };
  return [choice, set];
}

export function MonitorFilters({
  choice,
  onChange,
}: {
  choice: MonitorChoice;
  onChange: (c: MonitorChoice) => void;
}) {
  const [asOf, setAsOf] = useState(choice.asOf);
  const [by, setBy] = useState<MonitorGrouping>(choice.by);
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ISO_DATE.test(asOf)) {
      setError(t.monitorScreens.dashboard.dateRequired);
      return;
    }
    setError(undefined);
    onChange({ asOf, by });
  }
  return (
    <form className="aanwezig-monitor-filters" onSubmit={submit} noValidate>
      <TextField
        id="monitor-as-of"
        label={t.monitor.asOf}
        type="date"
        value={asOf}
        error={error}
        onChange={(e) => setAsOf(e.target.value)}
      />
      <GroupingField id="monitor-by" value={by} onChange={setBy} />
      <Button type="submit" purpose="primary">
        {t.monitor.show}
      </Button>
    </form>
  );
}
