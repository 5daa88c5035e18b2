// domain.md §3–§4: the attendance signals (profile `default`) as DuckDB SQL, written from the
// spec alone as an independent peer of the TypeScript rules. Each statement builds one temp
// table; bench/README.md lists every reading of the spec these statements had to choose.

/** Absence reasons (every reason except `late`; `exempt_11a` is not absence). */
const ABSENCE =
  "'sick','medical','leave','religious','suspended','other_authorized','unreported','truant','luxury','removed','other_unauthorized'";
/** Unauthorized reasons except `late`. */
const UNAUTHORIZED = "'unreported','truant','luxury','removed','other_unauthorized'";

/** The statements that evaluate the signals at `asOf` (validated 'YYYY-MM-DD'), in order. */
export function signalStatements(asOf: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`bad as-of date: ${asOf}`);
  const D = `DATE '${asOf}'`;
  const month = Number(asOf.slice(5, 7));
  const year = Number(asOf.slice(0, 4));
  const schoolYearStart = `DATE '${month >= 8 ? year : year - 1}-08-01'`;
  return [
    // (pupil, school) pairs with an enrolment active at D.
    `CREATE OR REPLACE TEMP TABLE pairs AS
      SELECT DISTINCT pupil_id, school_id FROM enrolments
      WHERE start_date <= ${D} AND (end_date IS NULL OR end_date >= ${D})`,
    // Their enrolment spans up to D; overlapping or adjacent enrolments merge into one span.
    `CREATE OR REPLACE TEMP TABLE spans AS
      WITH e AS (
        SELECT e.pupil_id, e.school_id, e.start_date AS s, LEAST(COALESCE(e.end_date, ${D}), ${D}) AS e
        FROM enrolments e SEMI JOIN pairs p ON p.pupil_id = e.pupil_id AND p.school_id = e.school_id
        WHERE e.start_date <= ${D} AND (e.end_date IS NULL OR e.end_date >= e.start_date)
      ), m AS (
        SELECT *, max(e) OVER (PARTITION BY pupil_id, school_id ORDER BY s, e
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
        FROM e
      ), g AS (
        SELECT *, sum(CASE WHEN prev_e IS NULL OR s > prev_e + 1 THEN 1 ELSE 0 END)
                    OVER (PARTITION BY pupil_id, school_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp
        FROM m
      )
      SELECT pupil_id, school_id, min(s) AS s, max(e) AS e FROM g GROUP BY pupil_id, school_id, grp`,
    // Every date per school from a year before D (or the first record) to the end of D's week:
    // minutes > 0 exactly on school days (weekday, timetable minutes > 0, no closure).
    `CREATE OR REPLACE TEMP TABLE closed AS
      WITH cd AS (
        SELECT DISTINCT scope, CAST(unnest(generate_series(start_date, end_date, INTERVAL 1 DAY)) AS DATE) AS date
        FROM closures WHERE start_date <= end_date
      )
      SELECT s.school_id, cd.date FROM schools s JOIN cd ON cd.scope = s.school_id
      UNION SELECT s.school_id, cd.date FROM schools s JOIN cd ON cd.scope = s.holiday_region
      UNION SELECT s.school_id, cd.date FROM schools s CROSS JOIN cd WHERE cd.scope = 'all'`,
    `CREATE OR REPLACE TEMP TABLE cal AS
      WITH days AS (
        SELECT CAST(unnest(generate_series(
          LEAST(COALESCE((SELECT min(date) FROM attendance), ${D}), ${D} - 366), ${D} + 6, INTERVAL 1 DAY)) AS DATE) AS date
      ), base AS (
        SELECT s.school_id, d.date,
          CASE isodow(d.date) WHEN 1 THEN s.minutes_mon WHEN 2 THEN s.minutes_tue WHEN 3 THEN s.minutes_wed
                              WHEN 4 THEN s.minutes_thu WHEN 5 THEN s.minutes_fri ELSE 0 END AS timetable
        FROM schools s CROSS JOIN days d
      ), open AS (
        SELECT b.school_id, b.date, CAST(date_trunc('week', b.date) AS DATE) AS week,
          CASE WHEN b.timetable > 0 AND c.date IS NULL THEN b.timetable ELSE 0 END AS minutes
        FROM base b LEFT JOIN closed c ON c.school_id = b.school_id AND c.date = b.date
      )
      SELECT *,
        sum(minutes) OVER w AS cum_minutes,
        sum(CASE WHEN minutes > 0 THEN 1 ELSE 0 END) OVER w AS day_index
      FROM open WINDOW w AS (PARTITION BY school_id ORDER BY date ROWS UNBOUNDED PRECEDING)`,
    // Lesweken: ISO weeks with at least one school day; the two 4-week windows of §4.
    `CREATE OR REPLACE TEMP TABLE lesweeks AS
      SELECT school_id, week FROM cal GROUP BY school_id, week HAVING max(minutes) > 0`,
    `CREATE OR REPLACE TEMP TABLE recent_weeks AS
      SELECT school_id, week FROM (
        SELECT *, row_number() OVER (PARTITION BY school_id ORDER BY week DESC) AS n
        FROM lesweeks WHERE week <= date_trunc('week', ${D})
      ) WHERE n <= 4`,
    `CREATE OR REPLACE TEMP TABLE complete_weeks AS
      SELECT school_id, week FROM (
        SELECT *, row_number() OVER (PARTITION BY school_id ORDER BY week DESC) AS n
        FROM lesweeks WHERE week < date_trunc('week', ${D})
      ) WHERE n <= 4`,
    // Per pupil, school and day: the records dated <= D on a school day inside an enrolment.
    `CREATE OR REPLACE TEMP TABLE pupil_days AS
      SELECT a.pupil_id, a.school_id, a.date, c.week, c.day_index, c.minutes AS school_minutes,
        COALESCE(sum(a.minutes) FILTER (WHERE a.reason = 'sick'), 0) AS sick,
        COALESCE(sum(a.minutes) FILTER (WHERE a.reason IN (${ABSENCE})), 0) AS absent,
        COALESCE(sum(a.minutes) FILTER (WHERE a.reason IN (${UNAUTHORIZED})), 0) AS unauthorized,
        COALESCE(sum(CASE WHEN a.minutes <= 0 THEN 0
                          WHEN regexp_full_match(a.period, '[0-9]+') AND a.minutes <= 60 THEN 60
                          ELSE a.minutes END) FILTER (WHERE a.reason IN (${UNAUTHORIZED})), 0) AS hour_minutes,
        count(*) FILTER (WHERE a.reason = 'late') AS lates,
        COALESCE(sum(a.minutes) FILTER (WHERE a.reason = 'exempt_11a'), 0) AS exempt
      FROM attendance a
      JOIN cal c ON c.school_id = a.school_id AND c.date = a.date AND c.minutes > 0
      JOIN spans sp ON sp.pupil_id = a.pupil_id AND sp.school_id = a.school_id
                   AND a.date BETWEEN sp.s AND sp.e
      WHERE a.date <= ${D}
      GROUP BY a.pupil_id, a.school_id, a.date, c.week, c.day_index, c.minutes`,
    // Sick days and their episodes: consecutive school days (day_index) that are all sick days.
    `CREATE OR REPLACE TEMP TABLE sick_days AS
      SELECT pupil_id, school_id, date, day_index,
        day_index - row_number() OVER (PARTITION BY pupil_id, school_id ORDER BY date) AS run
      FROM pupil_days
      WHERE sick > 0 AND sick * 2 >= GREATEST(school_minutes - exempt, 0)`,
    `CREATE OR REPLACE TEMP TABLE episodes AS
      SELECT pupil_id, school_id, run, min(date) AS first_day, max(date) AS last_day,
        count(*) AS days, max(day_index) AS last_index
      FROM sick_days GROUP BY pupil_id, school_id, run`,
    // The 4 most recent complete lesweken: absence, exemption and the pupil's scheduled minutes.
    `CREATE OR REPLACE TEMP TABLE complete_week_figures AS
      WITH absence AS (
        SELECT pd.pupil_id, pd.school_id, pd.week, sum(pd.absent) AS absent,
          sum(pd.unauthorized) AS unauthorized, sum(pd.exempt) AS exempt
        FROM pupil_days pd JOIN complete_weeks cw ON cw.school_id = pd.school_id AND cw.week = pd.week
        GROUP BY ALL
      ), candidates AS (
        SELECT pupil_id, school_id FROM absence WHERE absent > 0 GROUP BY ALL HAVING count(*) = 4
      ), scheduled AS (
        SELECT k.pupil_id, k.school_id, cw.week, sum(c.minutes) AS minutes
        FROM candidates k
        JOIN complete_weeks cw ON cw.school_id = k.school_id
        JOIN spans sp ON sp.pupil_id = k.pupil_id AND sp.school_id = k.school_id
        JOIN cal c ON c.school_id = k.school_id AND c.week = cw.week AND c.date BETWEEN sp.s AND sp.e
        GROUP BY ALL
      )
      SELECT s.pupil_id, s.school_id, s.week, a.absent, a.unauthorized,
        GREATEST(s.minutes - a.exempt, 0) AS scheduled
      FROM scheduled s JOIN absence a USING (pupil_id, school_id, week)`,
    // Since the start of the school year: from 1 August or the enrolment start, up to D.
    `CREATE OR REPLACE TEMP TABLE year_figures AS
      WITH span AS (
        SELECT pupil_id, school_id, GREATEST(s, ${schoolYearStart}) AS from_date
        FROM spans WHERE e = ${D}
      ), weeks AS (
        SELECT k.school_id, k.from_date, count(DISTINCT c.week) AS lesweeks
        FROM (SELECT DISTINCT school_id, from_date FROM span) k
        JOIN cal c ON c.school_id = k.school_id AND c.date BETWEEN k.from_date AND ${D} AND c.minutes > 0
        GROUP BY ALL
      ), absence AS (
        SELECT sp.pupil_id, sp.school_id, sum(pd.absent) AS absent, sum(pd.exempt) AS exempt
        FROM span sp JOIN pupil_days pd ON pd.pupil_id = sp.pupil_id AND pd.school_id = sp.school_id
          AND pd.date >= sp.from_date
        GROUP BY ALL
      )
      SELECT sp.pupil_id, sp.school_id, COALESCE(w.lesweeks, 0) AS lesweeks, a.absent,
        GREATEST(cd.cum_minutes - (cf.cum_minutes - cf.minutes) - a.exempt, 0) AS scheduled,
        year(${D}) - year(p.birth_date) - CASE WHEN (month(${D}), day(${D})) < (month(p.birth_date), day(p.birth_date))
                                               THEN 1 ELSE 0 END AS age
      FROM span sp
      JOIN absence a USING (pupil_id, school_id)
      JOIN cal cd ON cd.school_id = sp.school_id AND cd.date = ${D}
      JOIN cal cf ON cf.school_id = sp.school_id AND cf.date = sp.from_date
      LEFT JOIN weeks w ON w.school_id = sp.school_id AND w.from_date = sp.from_date
      LEFT JOIN pupils p ON p.pupil_id = sp.pupil_id`,
    `CREATE OR REPLACE TEMP TABLE signals AS
      WITH recent AS (
        SELECT pd.pupil_id, pd.school_id, sum(pd.hour_minutes) AS hour_minutes, sum(pd.lates) AS lates
        FROM pupil_days pd JOIN recent_weeks rw ON rw.school_id = pd.school_id AND rw.week = pd.week
        GROUP BY ALL
      ), d AS (SELECT school_id, day_index FROM cal WHERE date = ${D})
      SELECT pupil_id, school_id, 'LEGAL_16H' AS code, NULL::BOOLEAN AS legal FROM recent WHERE hour_minutes >= 16 * 60
      UNION ALL SELECT pupil_id, school_id, 'PREVENTIVE_10H', NULL FROM recent
        WHERE hour_minutes >= 10 * 60 AND hour_minutes < 16 * 60
      UNION ALL SELECT pupil_id, school_id, 'LATE_REPEATED', NULL FROM recent WHERE lates >= 6
      UNION ALL SELECT pupil_id, school_id, 'SICK_FREQUENT', NULL FROM episodes
        WHERE days BETWEEN 1 AND 2 AND first_day >= CAST(${D} - INTERVAL 2 MONTH AS DATE)
        GROUP BY ALL HAVING count(*) >= 3
      UNION ALL SELECT e.pupil_id, e.school_id, 'SICK_LONG', NULL FROM episodes e JOIN d USING (school_id)
        WHERE e.days > 10 AND d.day_index - e.last_index <= 5
        GROUP BY ALL
      UNION ALL SELECT pupil_id, school_id, 'SICK_SPREAD', NULL FROM sick_days
        WHERE date BETWEEN ${D} - 27 AND ${D}
        GROUP BY ALL HAVING count(*) > 4 AND count(DISTINCT run) >= 2
      UNION ALL SELECT pupil_id, school_id, 'UNDER_50', NULL FROM complete_week_figures
        GROUP BY ALL HAVING count(*) = 4 AND bool_and(scheduled > 0 AND absent * 2 > scheduled)
      UNION ALL SELECT pupil_id, school_id, 'LONG_TERM_ABSENT', sum(unauthorized) * 2 > sum(absent)
        FROM complete_week_figures
        GROUP BY pupil_id, school_id HAVING count(*) = 4 AND bool_and(scheduled > 0 AND absent >= scheduled)
      UNION ALL SELECT pupil_id, school_id, 'PERSISTENT_10', NULL FROM year_figures
        WHERE lesweeks >= 4 AND scheduled > 0 AND absent * 10 >= scheduled
      UNION ALL SELECT pupil_id, school_id, 'EARLY_YEARS_20', NULL FROM year_figures
        WHERE lesweeks >= 4 AND scheduled > 0 AND absent * 5 >= scheduled AND age BETWEEN 4 AND 8`,
  ];
}
