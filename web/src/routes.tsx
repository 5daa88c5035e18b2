// The app's addresses (Dutch, as users see them). Every page but /inloggen and
// /wachtwoord-instellen (the one-time link of `aanwezig admin create`) needs a session.
// Screens come from features/screens.tsx (and the monitor's) by path; a section without a screen yet shows a
// placeholder, and every section keeps the same role guard as its navigation link.
import { type ComponentType, Suspense } from "react";
import { Route, Routes } from "react-router";
import { Loading } from "./components/ProblemAlert.tsx";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { RequireSession } from "./features/auth/RequireSession.tsx";
import { SetPasswordPage } from "./features/auth/SetPasswordPage.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { monitorScreens } from "./features/monitor/screens.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { screens } from "./features/screens.tsx";
import { RequireSection, SectionPlaceholder } from "./features/sections/SectionPage.tsx";
import { SECTIONS } from "./navigation.ts";

const SCREENS: Record<string, ComponentType> = {
  ...screens,
  ...monitorScreens,
};

const SECTION_PATHS = new Set(SECTIONS.map((s) => s.path));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/inloggen" element={<LoginPage />} />
      <Route path="/wachtwoord-instellen" element={<SetPasswordPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        {SECTIONS.map((section) => {
          const Screen = SCREENS[section.path];
          return (
            <Route
              key={section.path}
              path={`${section.path}/*`}
              element={
                <RequireSection section={section}>
                  {Screen ? (
                    <Suspense fallback={<Loading />}>
                      <Screen />
                    </Suspense>
                  ) : (
                    <SectionPlaceholder section={section} />
                  )}
                </RequireSection>
              }
            />
          );
        })}
        {Object.entries(SCREENS)
          .filter(([path]) => !SECTION_PATHS.has(path))
          .map(([path, Screen]) => (
            <Route
              key={path}
              path={`${path}/*`}
              element={
                <Suspense fallback={<Loading />}>
                  <Screen />
                </Suspense>
              }
            />
          ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
