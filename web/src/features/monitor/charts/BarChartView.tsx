// Horizontal bars per category (a municipality, partnership, school or KPI), one bar per series,
// each labelled with its value so the chart reads without hovering; a suppressed cell is a bar
// of length 0 labelled "< 5". Loaded on demand with the rest of recharts (charts/index.ts).
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { GRID, INK, seriesColour } from "./palette.ts";
import type { ChartProps } from "./types.ts";

const BAR_SIZE = 18;

interface BarShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
}

/**
 * A plain rectangle. Passing a shape of our own keeps recharts from dropping zero-length bars,
 * and with them their labels: a suppressed cell is exactly such a bar and must say "< 5".
 */
function BarShape({ x = 0, y = 0, width = 0, height = 0, fill }: BarShapeProps) {
  if (width <= 0 || height <= 0) return null;
  return <rect x={x} y={y} width={width} height={height} fill={fill} />;
}
const AXIS_LABEL_WIDTH = 200;

export function chartHeight(categories: number, series: number): number {
  return Math.max(160, categories * (series * (BAR_SIZE + 2) + 16) + 80);
}

export function BarChartView({ categories, series, format, suppressedText }: ChartProps) {
  const data = categories.map((c) => {
    const point: Record<string, string | number> = { label: c.label };
    for (const s of series) {
      const value = c.values[s.key] ?? null;
      point[`v${series.indexOf(s)}`] = value ?? 0;
      point[`l${series.indexOf(s)}`] =
        value === null ? (c.nullLabels?.[s.key] ?? suppressedText) : format(value);
    }
    return point;
  });
  return (
    <ResponsiveContainer width="100%" height={chartHeight(categories.length, series.length)}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 64, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={{ fill: INK }}
          tickFormatter={(v: number) => format(v)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={AXIS_LABEL_WIDTH}
          tick={{ fill: INK }}
          interval={0}
        />
        {series.length > 1 && <Legend wrapperStyle={{ color: INK }} />}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={`v${i}`}
            name={s.label}
            fill={seriesColour(i)}
            barSize={BAR_SIZE}
            shape={BarShape}
            isAnimationActive={false}
          >
            <LabelList dataKey={`l${i}`} position="right" fill={INK} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
