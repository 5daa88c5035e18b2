// One part of the dashboard (signals by code, thuiszitters side by side, open cases by phase,
// …): a heading, what it counts, and a chart of the groups with its table alternative.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useId } from "react";
import type { MonitorRow } from "../../api/monitor.ts";
import { t } from "../../i18n/index.ts";
import { pivot, type SectionId } from "./measures.ts";
import { PivotFigure } from "./PivotFigure.tsx";

export function MonitorSection({
  section,
  rows,
  exportDate,
  titleSuffix,
  headingLevel = 2,
}: {
  section: SectionId;
  rows: readonly MonitorRow[];
  exportDate: string;
  /** Added to the table's title (and so to the export's file name), e.g. the date. */
  titleSuffix: string;
  headingLevel?: 2 | 3;
}) {
  const texts = t.monitorScreens.sections[section] ?? { title: section, body: "" };
  const headingId = useId();
  return (
    <section className="aanwezig-monitor-section" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {texts.title}
      </Heading>
      {texts.body && <Paragraph>{texts.body}</Paragraph>}
      <PivotFigure
        table={pivot(rows, section)}
        chartTitle={texts.title}
        tableTitle={`${texts.title} – ${titleSuffix}`}
        exportDate={exportDate}
        testId={`monitor-section-${section}`}
      />
    </section>
  );
}
