// `kcheck explore`'s web server (node:http, bound to 127.0.0.1 only): GET / serves the explorer page, GET
// /api/state?path=0.3.1 the snapshot of that path as JSON (400 with the one-line reason for a path that does
// not replay). States are recomputed by replaying the path, so the server keeps no session.

import { createServer, type Server } from 'node:http';
import type { ActionBase, Model } from '../contract/model.ts';
import type { Property } from '../contract/property.ts';
import { isKcheckError, KcheckError } from '../errors.ts';
import { explorePage } from './explore-page.ts';
import { exploreSnapshot } from './explore-state.ts';

export interface ExploreServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ExploreTarget<S, A extends ActionBase> {
  readonly title: string;
  readonly model: Model<S, A>;
  readonly properties: readonly Property<S, A>[];
  readonly initIndex: number;
  /** The path the page opens on when its URL names none (e.g. a loaded trace). */
  readonly startPath: readonly number[];
}

export function parsePath(text: string | null): number[] {
  if (text === null || text === '') return [];
  return text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

export function startExploreServer<S, A extends ActionBase>(target: ExploreTarget<S, A>, port: number): Promise<ExploreServer> {
  const page = explorePage(target.title, target.startPath);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/api/state') {
      const path = parsePath(url.searchParams.get('path'));
      try {
        if (path.some((i) => Number.isNaN(i))) throw new KcheckError('KC_BAD_TRACE', 'a path is action indices joined by dots, e.g. 0.3.1');
        const snapshot = exploreSnapshot(target.model, target.properties, target.initIndex, path);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(snapshot));
      } catch (error) {
        const known = isKcheckError(error);
        res.writeHead(known ? 400 : 500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
