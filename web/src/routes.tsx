// The app's addresses (Dutch, as users see them). Every page but /inloggen needs a session.
import { Route, Routes } from "react-router";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { RequireSession } from "./features/auth/RequireSession.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { RequireSection, SectionPlaceholder } from "./features/sections/SectionPage.tsx";
import { SECTIONS } from "./navigation.ts";

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/inloggen" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        {SECTIONS.map((section) => (
          <Route
            key={section.path}
            path={`${section.path}/*`}
            element={
              <RequireSection section={section}>
                <SectionPlaceholder section={section} />
              </RequireSection>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
