// The absence calendar heat-map (issue 5: "a pupil page with an absence calendar heat-map"):
// one cell per school day of the school year, darker as more of the day was missed, with a
// letter for the kind of absence, so neither the level nor the kind rests on colour alone
// (WCAG 1.4.1). It is an ARIA grid with one tab stop: the arrow keys move by day and week,
// Home/End to the first or last week, and the focused day is described below the grid. The
// same figures are in a table for whoever prefers one.
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { t } from "../../i18n/index.ts";
import {
  type AbsenceKind,
  buildWeeks,
  type CalendarCell,
  type DaySummary,
} from "./calendar-model.ts";

const WEEKDAYS = [0, 1, 2, 3, 4] as const;
const KINDS: readonly AbsenceKind[] = ["sick", "authorized", "unauthorized", "late"];

export function describeDay(cell: CalendarCell): string {
  const s = t.pupilPage;
  const date = s.longDate(cell.date);
  const day = cell.day;
  if (!day) return s.noSchoolDay(date);
  if (day.absent === 0 && day.lateCount === 0) return s.notAbsent(date);
  const parts: string[] = [];
  if (day.sick) parts.push(s.partSick(s.duration(day.sick)));
  if (day.authorized) parts.push(s.partAuthorized(s.duration(day.authorized)));
  if (day.unauthorized) parts.push(s.partUnauthorized(s.duration(day.unauthorized)));
  if (day.lateCount) parts.push(s.partLate(day.lateCount, s.duration(day.late)));
  return s.absentDay(date, day.percentage, parts.join(", "));
}

function letterOf(kind: AbsenceKind | null): string {
  return kind ? t.pupilPage.kindLetters[kind] : "";
}

export interface AbsenceCalendarProps {
  from: string;
  to: string;
  summaries: ReadonlyMap<string, DaySummary>;
  /** The first day to focus: the last school day with data. */
  initialDate: string | undefined;
}

export function AbsenceCalendar({ from, to, summaries, initialDate }: AbsenceCalendarProps) {
  const weeks = useMemo(() => buildWeeks(from, to, summaries), [from, to, summaries]);
  const start = useMemo(() => {
    const w = weeks.findIndex((week) => week.cells.some((c) => c.date === initialDate));
    if (w < 0) return { week: 0, day: 0 };
    return { week: w, day: weeks[w]?.cells.findIndex((c) => c.date === initialDate) ?? 0 };
  }, [weeks, initialDate]);
  const [active, setActive] = useState(start);
  const [described, setDescribed] = useState<string>("");
  const gridRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // On a narrow screen the grid scrolls sideways: start with the latest weeks in view.
  useEffect(() => {
    const box = scrollRef.current;
    const cell = gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]');
    if (box && cell) box.scrollLeft = Math.max(0, cell.offsetLeft - box.clientWidth / 2);
  }, []);
  const id = useId();
  const captionId = `${id}-caption`;
  const s = t.pupilPage;

  function move(week: number, day: number) {
    const w = Math.max(0, Math.min(weeks.length - 1, week));
    const d = Math.max(0, Math.min(4, day));
    setActive({ week: w, day: d });
    const cell = weeks[w]?.cells[d];
    if (cell) setDescribed(describeDay(cell));
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${w}-${d}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const { week, day } = active;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [week + 1, day],
      ArrowLeft: [week - 1, day],
      ArrowDown: [week, day + 1],
      ArrowUp: [week, day - 1],
      Home: [0, day],
      End: [weeks.length - 1, day],
      PageDown: [week + 4, day],
      PageUp: [week - 4, day],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    move(target[0], target[1]);
  }

  return (
    <div className="aanwezig-calendar">
      <div className="aanwezig-calendar__scroll" ref={scrollRef}>
        <table
          ref={gridRef}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid pattern is a table with role grid, one tab stop and arrow keys
          role="grid"
          className="aanwezig-calendar__grid"
          aria-labelledby={captionId}
          aria-describedby={`${id}-help`}
          onKeyDown={onKeyDown}
        >
          <caption id={captionId} className="aanwezig-visually-hidden">
            {s.gridCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="aanwezig-calendar__corner">
                <span className="aanwezig-visually-hidden">{s.weekdayColumn}</span>
              </th>
              {weeks.map((week, w) => {
                const month = newMonthIn(week.monday, w === 0);
                return (
                  <th key={week.monday} scope="col" className="aanwezig-calendar__week">
                    <span aria-hidden="true">{month ? s.monthShort(month) : ""}</span>
                    <span className="aanwezig-visually-hidden">
                      {s.weekOf(s.longDate(week.monday))}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => (
              <tr key={d}>
                <th scope="row" className="aanwezig-calendar__weekday">
                  <span aria-hidden="true">{s.weekdayShort[d]}</span>
                  <span className="aanwezig-visually-hidden">{s.weekdayLong[d]}</span>
                </th>
                {weeks.map((week, w) => {
                  const cell = week.cells[d] as CalendarCell;
                  const isActive = active.week === w && active.day === d;
                  const level = cell.day ? cell.day.level : "none";
                  return (
                    <td
                      key={cell.date}
                      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the data grid above
                      role="gridcell"
                      data-cell={`${w}-${d}`}
                      data-date={cell.date}
                      tabIndex={isActive ? 0 : -1}
                      aria-label={describeDay(cell)}
                      aria-selected={isActive}
                      className={`aanwezig-calendar__day aanwezig-calendar__day--${level}`}
                      onFocus={() => {
                        if (!isActive) setActive({ week: w, day: d });
                        setDescribed(describeDay(cell));
                      }}
                    >
                      <span aria-hidden="true">{letterOf(cell.day?.kind ?? null)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={`${id}-help`} className="aanwezig-calendar__help">
        {s.keyboardHelp}
      </p>
      <p className="aanwezig-calendar__focus" aria-live="polite">
        {described}
      </p>
      <Legend />
    </div>
  );
}

/** The month (1–12) to name above a week: the first week, and a week whose Friday is in a new month. */
function newMonthIn(monday: string, first: boolean): number | null {
  const friday = new Date(`${monday}T00:00:00Z`);
  friday.setUTCDate(friday.getUTCDate() + 4);
  const month = friday.getUTCMonth();
  const before = new Date(friday);
  before.setUTCDate(before.getUTCDate() - 7);
  return first || before.getUTCMonth() !== month ? month + 1 : null;
}

function Legend() {
  const s = t.pupilPage;
  const id = useId();
  return (
    <section className="aanwezig-calendar__legend" aria-labelledby={id}>
      <h3 id={id} className="aanwezig-calendar__legend-title">
        {t.pupil.legend}
      </h3>
      <ul className="aanwezig-calendar__legend-list">
        {t.pupil.levels.map((label, level) => (
          <li key={label}>
            <span
              className={`aanwezig-calendar__swatch aanwezig-calendar__day--${level}`}
              aria-hidden="true"
            />
            {label}
          </li>
        ))}
        <li>
          <span
            className="aanwezig-calendar__swatch aanwezig-calendar__day--none"
            aria-hidden="true"
          />
          {s.legendNoSchoolDay}
        </li>
      </ul>
      <ul className="aanwezig-calendar__legend-list">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className="aanwezig-calendar__letter" aria-hidden="true">
              {s.kindLetters[kind]}
            </span>
            {s.kindNames[kind]}
          </li>
        ))}
      </ul>
    </section>
  );
}
