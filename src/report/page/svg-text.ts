// Small helpers for writing SVG as strings: escaping, approximate text width (no layout engine at write time), and
// truncation with an ellipsis so a long value never runs into the next column.

export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Roughly the width of `text` in px at `size` px in a sans-serif font (0.58 em per character). */
export const textWidth = (text: string, size: number): number => Math.ceil(text.length * size * 0.58);

export function fit(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.58)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function label(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${esc(text)}</text>`;
}
