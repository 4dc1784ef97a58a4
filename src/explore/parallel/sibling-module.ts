// The URL of a module next to the caller, by its source name: `./worker-main.ts` while running from TypeScript
// (tsx, vitest), `./worker-main.js` in the compiled package. Import specifiers are rewritten by tsc; URLs are not.

/** `name` (a relative `.ts` path) resolved against `base`, with `.js` when `base` is compiled JavaScript. */
export function siblingModule(name: string, base: string): URL {
  return new URL(/\.[cm]?js$/.test(new URL(base).pathname) ? name.replace(/\.ts$/, '.js') : name, base);
}
