// Who is logged in and as what, and the way out. After logging out the session's data is gone
// from the cache (use-session.ts) and the login page is shown.
import { Button } from "@nl-design-system-candidate/button-react";
import { useNavigate } from "react-router";
import type { Me } from "../api/session.ts";
import { roleTitle } from "../features/auth/role-groups.ts";
import { useLogout } from "../features/auth/use-session.ts";
import { NotificationBell } from "../features/notifications/NotificationBell.tsx";
import { t } from "../i18n/index.ts";

export function UserMenu({ me }: { me: Me }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const roles = [...new Set(me.roles.map((r) => roleTitle(r.role)))];
  return (
    <div className="aanwezig-user">
      <dl className="aanwezig-user__facts">
        <div>
          <dt>{t.header.userLabel}</dt>
          <dd data-testid="user-name">{me.user.name}</dd>
        </div>
        {roles.length > 0 && (
          <div>
            <dt>{t.header.rolesLabel}</dt>
            <dd data-testid="user-roles">{roles.join(", ")}</dd>
          </div>
        )}
      </dl>
      <NotificationBell />
      <Button
        purpose="secondary"
        busy={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, { onSettled: () => navigate("/inloggen", { replace: true }) })
        }
      >
        {logout.isPending ? t.header.loggingOut : t.header.logout}
      </Button>
    </div>
  );
}
