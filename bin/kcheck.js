#!/usr/bin/env node
// Launcher for `npx kcheck`: registers tsx's loader so the TypeScript sources run directly, then starts the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./kcheck.ts');
