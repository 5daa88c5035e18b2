// recharts and the chart views, as one chunk that loads when the first chart is drawn.
export { BarChartView } from "./BarChartView.tsx";
export { LineChartView } from "./LineChartView.tsx";
