// A demo database is frozen at a date (/api/me `demo_as_of`): every page says so, so nobody
// mistakes the synthetic region for real children or wonders why "today" is in the past.
import { t } from "../i18n/index.ts";
import { formatDate } from "./format.ts";

export function DemoBanner({ asOf }: { asOf: string }) {
  return (
    <p className="aanwezig-demo-banner" data-testid="demo-banner">
      <strong>{t.demo.label}</strong> {t.demo.banner(formatDate(asOf))}
    </p>
  );
}
