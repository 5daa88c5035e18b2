// Lines over quarters, one per series; a suppressed quarter leaves a gap in its line (the table
// says "< 5"), so no line ever dips to a 0 that was not counted.
import {
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { GRID, INK, seriesColour } from "./palette.ts";
import type { ChartProps } from "./types.ts";

const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

export function LineChartView({ categories, series, format }: ChartProps) {
  const data = categories.map((c) => {
    const point: Record<string, string | number | null> = { label: c.label };
    series.forEach((s, i) => {
      const value = c.values[s.key] ?? null;
      point[`v${i}`] = value;
      point[`l${i}`] = value === null ? "" : format(value);
    });
    return point;
  });
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart
        data={data}
        margin={{ top: 16, right: 32, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID} />
        <XAxis dataKey="label" tick={{ fill: INK }} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: INK }}
          tickFormatter={(v: number) => format(v)}
        />
        <Legend wrapperStyle={{ color: INK }} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={`v${i}`}
            name={s.label}
            stroke={seriesColour(i)}
            strokeWidth={3}
            strokeDasharray={DASHES[i % DASHES.length]}
            dot={{ r: 4, fill: seriesColour(i) }}
            connectNulls={false}
            isAnimationActive={false}
          >
            <LabelList dataKey={`l${i}`} position="top" fill={INK} />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
