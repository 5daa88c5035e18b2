// The data the chart components draw: categories (bars or points along an axis) with one value
// per series; null is a suppressed count (1–4) and is drawn as "< 5", never as 0.
export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartCategory {
  label: string;
  values: Record<string, number | null>;
  /** What a null value of a series says instead of the chart's suppressedText (e.g. no cases). */
  nullLabels?: Record<string, string>;
}

export interface ChartProps {
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** How a value is written on a bar or in the tooltip (a count, a percentage, euros). */
  format: (value: number) => string;
  /** What a null (suppressed) value says: "< 5" for counts of children. */
  suppressedText: string;
}
