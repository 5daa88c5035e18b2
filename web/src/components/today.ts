// The date the application works with. /api/me tells it (`today`, and `demo_as_of` for a demo
// database frozen at a date): worklists, deadlines and the clock must use the server's date,
// not the browser's, or a frozen demo would show every deadline as long overdue.
import type { Me } from "../api/session.ts";

export function appToday(me: Me): string {
  return me.today;
}

export function demoAsOf(me: Me | undefined): string | null {
  return me?.demo_as_of ?? null;
}
