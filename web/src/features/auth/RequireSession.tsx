// The gate in front of every page but the login page: without a session the user is sent to
// log in (and brought back afterwards); with one, the page renders inside the app shell.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { Navigate, Outlet, useLocation } from "react-router";
import { AppShell } from "../../components/AppShell.tsx";
import { t } from "../../i18n/index.ts";
import { useMe } from "./use-session.ts";

export function RequireSession() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <AppShell>
        <Paragraph role="status">{t.app.loading}</Paragraph>
      </AppShell>
    );
  }
  if (me.isError) {
    return (
      <AppShell>
        <Alert type="error" role="alert">
          <Paragraph>{t.app.loadFailed}</Paragraph>
        </Alert>
      </AppShell>
    );
  }
  if (me.data === null) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/inloggen" replace state={{ from }} />;
  }
  return (
    <AppShell me={me.data}>
      <Outlet context={me.data} />
    </AppShell>
  );
}
