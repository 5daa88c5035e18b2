// Series colours of the charts: the theme's own colours (web/src/theme/tokens.css), each with at
// least 3:1 contrast against the white background (WCAG 1.4.11), and told apart in the legend,
// the bar labels and the table, never by colour alone (WCAG 1.4.1).
export const SERIES_COLOURS = [
  "#14477d", // blue, 9.4:1
  "#b35900", // orange, 3.9:1
  "#1d6b3a", // green, 6.5:1
  "#a8071a", // red, 7.7:1
  "#5b2a86", // purple, 9.6:1
  "#4b5563", // grey, 7.6:1
] as const;

export const INK = "#1a1a1a";
export const GRID = "#d1d5db";

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "#14477d";
}
