// The monitor's screens by path (routes.tsx mounts each at "PATH/*"). They load on the first
// visit, with recharts in a chunk of its own (ChartFigure), so other roles never fetch them.
import { type ComponentType, lazy, Suspense } from "react";
import { Loading } from "../../components/ProblemAlert.tsx";

const MonitorPages = lazy(() =>
  import("./MonitorPages.tsx").then((m) => ({ default: m.MonitorPages })),
);

function Monitor() {
  return (
    <Suspense fallback={<Loading />}>
      <MonitorPages />
    </Suspense>
  );
}

export const monitorScreens: Record<string, ComponentType> = { "/monitor": Monitor };
