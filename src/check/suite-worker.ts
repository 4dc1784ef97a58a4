// A worker thread of `kcheck suite --jobs N`: imports the registry from its module, then runs each (model, preset)
// it is sent and posts the SuiteCase back. Started from the plain-JS bundle (bundle-worker.ts) or, without one, by
// suite-worker-entry.mjs registering tsx.

import { parentPort, workerData } from 'node:worker_threads';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { definitionsIn } from './definitions-in.ts';
import type { ImportModule } from '../explore/parallel/load-model.ts';
import { runPreset, type SuiteCase } from './run-suite.ts';

export interface SuiteWorkerInit {
  readonly moduleUrl: string;
  readonly exportName: string;
}
/** `source`: where a model loaded from a user's file comes from (default: the registry in SuiteWorkerInit). */
export type ToSuiteWorker = { readonly index: number; readonly model: string; readonly preset: string; readonly outDir?: string; readonly source?: SuiteWorkerInit };
export type FromSuiteWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'case'; readonly index: number; readonly result: SuiteCase }
  | { readonly type: 'error'; readonly message: string };

export async function runWorker(importModule: ImportModule): Promise<void> {
  const port = parentPort!;
  const send = (message: FromSuiteWorker): void => port.postMessage(message);
  const init = workerData as SuiteWorkerInit;
  let models: readonly ModelDefinition[];
  try {
    const found = definitionsIn((await importModule(init.moduleUrl))[init.exportName]);
    if (!found) throw new Error(`${init.moduleUrl} has no registry export '${init.exportName}'`);
    models = found;
  } catch (thrown) {
    send({ type: 'error', message: `suite worker could not load the registry: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    return;
  }
  const loaded = new Map<string, readonly ModelDefinition[]>();
  port.on('message', async (job: ToSuiteWorker) => {
    let pool = models;
    if (job.source) {
      const key = `${job.source.moduleUrl}#${job.source.exportName}`;
      try {
        if (!loaded.has(key)) loaded.set(key, definitionsIn((await importModule(job.source.moduleUrl))[job.source.exportName]) ?? []);
      } catch (thrown) {
        send({ type: 'error', message: `suite worker could not load ${job.source.moduleUrl}: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
        return;
      }
      pool = loaded.get(key)!;
    }
    const definition = pool.find((m) => m.name === job.model);
    const preset = definition?.presets.find((p) => p.name === job.preset);
    if (!definition || !preset) {
      send({ type: 'error', message: `suite worker has no preset ${job.model}/${job.preset}` });
      return;
    }
    // runPreset reports a model that throws as an unmet case; anything else retires this worker, and the suite
    // runs the case on the main thread instead.
    try {
      send({ type: 'case', index: job.index, result: runPreset(definition, preset, job.outDir) });
    } catch (thrown) {
      send({ type: 'error', message: thrown instanceof Error ? thrown.message : String(thrown) });
    }
  });
  send({ type: 'ready' });
}
