// The data the chart components draw: categories (bars or points along an axis) with one value
// per series; null is a suppressed count (1–4) and is drawn as "< 5", never as 0.
export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartCategory {
  label: string;
  values: Record<string, number | null>;
}

export interface ChartProps {
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** How a value is written on a bar or in the tooltip (a count, a percentage, euros). */
  format: (value: number) => string;
  suppressedText: string;
}
