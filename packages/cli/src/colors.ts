// ANSI colors for terminals, honoring NO_COLOR and FORCE_COLOR (https://no-color.org, https://force-color.org).

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return Boolean(stream.isTTY) && env['TERM'] !== 'dumb';
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function palette(enabled: boolean): Palette {
  const id = (s: string): string => s;
  if (!enabled) return { red: id, yellow: id, blue: id, dim: id, bold: id, underline: id };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}
