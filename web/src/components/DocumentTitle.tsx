// Each page names itself in the browser tab (WCAG 2.4.2), so screen-reader users hear where a
// navigation took them.
import { useEffect } from "react";
import { t } from "../i18n/index.ts";

export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = t.app.documentTitle(title);
  }, [title]);
  return null;
}
