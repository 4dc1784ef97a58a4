// `kcheck suite` on several cores: every (model, preset) case goes to the next free worker thread, and the cases come
// back in suite order, each as soon as all before it are done, so the output reads the same as a one-thread run.
// Workers are only a speed-up: if one fails, its case and any left over run on this thread instead.

import { Worker } from 'node:worker_threads';
import type { ModelDefinition, Preset } from '../contract/model-definition.ts';
import type { Registry } from '../cli/registry.ts';
import { bundleWorker } from '../explore/parallel/bundle-worker.ts';
import { siblingModule } from '../explore/parallel/sibling-module.ts';
import { runPreset, type SuiteCase } from './run-suite.ts';
import type { FromSuiteWorker, SuiteWorkerInit, ToSuiteWorker } from './suite-worker.ts';

interface Job {
  readonly definition: ModelDefinition;
  readonly preset: Preset;
}

/** `outDir`: where unmet cases write their traces and reports (none when undefined). */
export async function* runSuiteParallel(models: readonly ModelDefinition[], jobs: number, source: Registry['source'], outDir?: string): AsyncGenerator<SuiteCase> {
  const list: Job[] = models.flatMap((definition) => definition.presets.map((preset) => ({ definition, preset })));
  const threads = Math.min(jobs, list.length);
  if (threads <= 1 || source === undefined) {
    for (const job of list) yield runPreset(job.definition, job.preset, outDir);
    return;
  }
  const results: (SuiteCase | undefined)[] = list.map(() => undefined);
  const queue = list.map((_, i) => i);
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const live = new Set<Worker>();
  const dispatch = (worker: Worker, busy: { index: number }): void => {
    const index = queue.shift();
    busy.index = index ?? -1;
    if (index === undefined) return;
    const own = list[index].definition.source;
    const job: ToSuiteWorker = { index, model: list[index].definition.name, preset: list[index].preset.name, outDir, ...(own ? { source: own } : {}) };
    worker.postMessage(job);
  };

  // A bundle holds only the registry module; models from users' files are imported by the tsx bootstrap instead.
  const userModels = list.some((job) => job.definition.source !== undefined);
  const bundle = userModels ? null : await bundleWorker(source.moduleUrl, siblingModule('./suite-worker.ts', import.meta.url));
  const entry = bundle ?? new URL('./suite-worker-entry.mjs', import.meta.url);
  const init: SuiteWorkerInit = { moduleUrl: source.moduleUrl, exportName: source.exportName };
  for (let t = 0; t < threads; t++) {
    // execArgv []: no inherited `--import tsx` (the bootstrap registers tsx itself; a bundle needs no loader).
    const worker = new Worker(entry, { workerData: init, execArgv: [] });
    const busy = { index: -1 };
    const retire = (): void => {
      if (!live.delete(worker)) return;
      if (busy.index >= 0 && results[busy.index] === undefined) queue.unshift(busy.index);
      busy.index = -1;
      void worker.terminate();
      notify();
    };
    worker.on('message', (message: FromSuiteWorker) => {
      if (message.type === 'error') return retire();
      if (message.type === 'case') {
        results[message.index] = message.result;
        notify();
      }
      dispatch(worker, busy);
    });
    worker.on('error', retire);
    worker.on('exit', retire);
    live.add(worker);
  }

  try {
    for (let i = 0; i < list.length; i++) {
      while (results[i] === undefined) {
        if (live.size === 0) {
          // No worker left: run the queued cases here, in order, until case i is done.
          const index = queue.shift()!;
          results[index] = runPreset(list[index].definition, list[index].preset, outDir);
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
      yield results[i]!;
    }
  } finally {
    for (const worker of live) void worker.terminate();
    live.clear();
  }
}
