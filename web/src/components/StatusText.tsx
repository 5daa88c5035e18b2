// A status in words with a colour that only repeats them (WCAG 1.4.1: never colour alone).
import type { ReactNode } from "react";

export type Tone = "danger" | "warning" | "ok" | "neutral";

export function StatusText({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`aanwezig-status aanwezig-status--${tone}`}>{children}</span>;
}

export function toneOf(status: string | undefined | null): Tone {
  switch (status) {
    case "overdue":
    case "breached":
      return "danger";
    case "at_risk":
      return "warning";
    case "met":
      return "ok";
    default:
      return "neutral";
  }
}
