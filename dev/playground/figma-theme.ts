/**
 * What Figma does for `showUI(html, { themeColors: true })`: a `figma-light` or `figma-dark` class on `<html>` and a
 * `<style id="figma-style">` with the `--figma-color-*` variables (docs/figma-platform.md#theme-colours). A subset of
 * Figma's tokens, with Figma's published values, enough for the panel to look as it does in Figma.
 */
const LIGHT: Record<string, string> = {
  bg: '#ffffff',
  'bg-secondary': '#f5f5f5',
  'bg-tertiary': '#e6e6e6',
  'bg-hover': '#f5f5f5',
  'bg-selected': '#e5f4ff',
  'bg-brand': '#0d99ff',
  'bg-brand-hover': '#007be5',
  'bg-danger': '#f24822',
  'bg-danger-secondary': '#ffe2e0',
  'bg-success-secondary': '#dcfce7',
  'bg-warning-secondary': '#fff1c2',
  'bg-disabled': '#d9d9d9',
  text: '#1e1e1e',
  'text-secondary': '#757575',
  'text-tertiary': '#b3b3b3',
  'text-brand': '#007be5',
  'text-onbrand': '#ffffff',
  'text-danger': '#dc3412',
  'text-success': '#14ae5c',
  'text-warning': '#b86200',
  'text-disabled': '#b3b3b3',
  border: '#e6e6e6',
  'border-strong': '#2c2c2c',
  'border-selected': '#0d99ff',
  'border-danger': '#f24822',
  icon: '#1e1e1e',
  'icon-secondary': '#757575',
};

const DARK: Record<string, string> = {
  ...LIGHT,
  bg: '#2c2c2c',
  'bg-secondary': '#383838',
  'bg-tertiary': '#444444',
  'bg-hover': '#383838',
  'bg-selected': '#4a5878',
  'bg-danger-secondary': '#4d2a24',
  'bg-success-secondary': '#1d3b2a',
  'bg-warning-secondary': '#4a3a12',
  'bg-disabled': '#444444',
  text: '#ffffff',
  'text-secondary': '#b3b3b3',
  'text-tertiary': '#757575',
  'text-brand': '#7cc4f8',
  'text-danger': '#fca397',
  'text-success': '#79d297',
  'text-warning': '#f7d15f',
  'text-disabled': '#757575',
  border: '#444444',
  'border-strong': '#ffffff',
  icon: '#ffffff',
  'icon-secondary': '#b3b3b3',
};

/** The panel HTML with Figma's theme class and variables injected, as Figma serves it. */
export function withFigmaTheme(html: string, dark: boolean): string {
  const vars = Object.entries(dark ? DARK : LIGHT)
    .map(([name, value]) => `--figma-color-${name}:${value};`)
    .join('');
  const style = `<style id="figma-style">:root{${vars}}</style>`;
  const themed = html.replace(
    /<html([^>]*)>/i,
    (_m, attrs: string) => `<html${attrs} class="figma-${dark ? 'dark' : 'light'}">`,
  );
  return themed.includes('<head>') ? themed.replace('<head>', `<head>${style}`) : style + themed;
}
