// A screen loaded on its first visit (its own chunk), so the start page does not carry every
// screen of every role: a parent never downloads the administration, a teacher never the monitor.
import { type ComponentType, lazy, Suspense } from "react";
import { Loading } from "../../components/ProblemAlert.tsx";

export function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  const Screen = lazy(async () => ({ default: await load() }));
  return function LazyScreen() {
    return (
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    );
  };
}
