// The date the application works with. /api/me tells it (`today`, and `demo_as_of` for a demo
// database frozen at a date): worklists, deadlines and the clock must use the server's date,
// not the browser's, or a frozen demo would show every deadline as long overdue.
import type { Me } from "../api/session.ts";

type MeWithDates = Me & { today?: string; demo_as_of?: string | null };

export function appToday(me: Me): string {
  const withDates = me as MeWithDates;
  return withDates.today ?? new Date().toISOString().slice(0, 10);
}

export function demoAsOf(me: Me | undefined): string | null {
  return (me as MeWithDates | undefined)?.demo_as_of ?? null;
}
