// Keeps an error message one line of bounded length: user text echoed in it (a key with a newline, a 100 KB --set
// value) has its control characters escaped and is cut, so the stable [KC_…] code at the end always survives.

export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length - max} more chars)`;
}
