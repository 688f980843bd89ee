import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

/** Deep green of the people's police; shades 6–9 pass WCAG AA with white text. */
const police: MantineColorsTuple = [
  "#e8f5ec",
  "#cfe9d7",
  "#a3d4b2",
  "#74be8b",
  "#4daa6b",
  "#35995a",
  "#26864a",
  "#1d7340",
  "#176236",
  "#10512b",
];

/** The Mantine theme: one brand colour, shades chosen for AA contrast, keyboard focus rings. */
export const theme = createTheme({
  primaryColor: "police",
  primaryShade: 8,
  colors: { police },
  focusRing: "auto",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: "md",
  cursorType: "pointer",
});

/** Darkens the muted, error and link colours so that text on white passes WCAG AA (≥ 4.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#495057",
    "--mantine-color-error": "#c92a2a",
    "--mantine-color-anchor": "#176236",
    "--mantine-color-placeholder": "#6c757d",
  },
  dark: {},
});
