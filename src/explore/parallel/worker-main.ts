// A worker thread of the parallel BFS: rebuilds the model from its registry module, then for each level claims
// and expands chunks until none is left (posting each part, buffers transferred), stopping at an action boundary
// whenever the shared table must grow, then helping move the entries into the bigger one and going on with it.
// Started by worker-entry.mjs (tsx) or by the plain-JS bundle from bundle-worker.ts (how to import the registry).

import { parentPort, workerData } from 'node:worker_threads';
import type { ActionBase } from '../../contract/model.ts';
import { ChunkExpander } from './chunk-expander.ts';
import { loadModel, type ImportModule } from './load-model.ts';
import { helpRehash } from './shared-fingerprint-table.ts';
import type { ChunkPart, FromWorker, ToWorker, WorkerInit } from './protocol.ts';
import { threadTimes, wallMs, type ThreadTimes } from './thread-clock.ts';
import { warmUp } from './warm-up.ts';

const port = parentPort!;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

function emit(part: ChunkPart): void {
  // Records are shared memory (no copy, no transfer); the small event and stride arrays are transferred.
  send({ type: 'part', part }, [part.events.buffer as ArrayBuffer, part.strides.buffer as ArrayBuffer]);
}

export async function runWorker(importModule: ImportModule): Promise<void> {
  const init = workerData as WorkerInit;
  let expander: ChunkExpander<unknown, ActionBase>;
  let loadedMs = 0;
  try {
    const loaded = await loadModel(init.source, importModule);
    loadedMs = wallMs() - init.spawnedAt;
    warmUp(loaded, init.symmetry);
    expander = new ChunkExpander(loaded, init.symmetry, init.control, init.parties, init.slabInts);
  } catch (thrown) {
    send({ type: 'error', message: `worker could not load the model: ${messageOf(thrown)}`, parent: -1 });
    return;
  }
  // This level's diagnostics: wall time expanding (across pauses for a growth), CPU at the start, start lag.
  let busyMs = 0;
  let timesAtStart: ThreadTimes = { cpuMs: 0, queuedMs: 0 };
  let lagMs = 0;
  const run = (): void => {
    const started = wallMs();
    try {
      for (;;) {
        const result = expander.step(emit);
        if (result === 'pause') {
          busyMs += wallMs() - started;
          send({ type: 'paused' });
          return; // the coordinator answers with 'resume' and a bigger table
        }
        if (result === 'done') {
          busyMs += wallMs() - started;
          const times = threadTimes();
          const cpuMs = times.cpuMs - timesAtStart.cpuMs;
          const stats = { busyMs, cpuMs, queuedMs: times.queuedMs - timesAtStart.queuedMs, expanded: expander.expanded, chunks: expander.chunks, lagMs };
          send({ type: 'idle', coverage: expander.coverage.entries(), stats });
          return;
        }
      }
    } catch (thrown) {
      send({ type: 'error', message: `the model threw: ${messageOf(thrown)}`, parent: expander.parent });
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'resume') helpRehash(init.control, message.from, message.table); // the growth it paused for
    expander.setTable(message.table);
    if (message.type === 'level') {
      lagMs = wallMs() - message.postedAt;
      busyMs = 0;
      timesAtStart = threadTimes();
      expander.startLevel(message.plan);
    }
    run();
  });
  send({ type: 'ready', startup: { loadedMs, readyMs: wallMs() - init.spawnedAt, cpuMs: threadTimes().cpuMs } });
}
