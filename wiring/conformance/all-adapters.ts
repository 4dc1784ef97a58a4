// Every conformance adapter, by vector algorithm, and the project's own copies of Kafka's test vectors (copied
// from shared/vectors so the project is self-contained). An algorithm claimed twice is a wiring error.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { AdapterTable } from '../../src/conformance/vector.ts';
import { assignmentAdapters } from './assignment-adapters.ts';
import { partitionChangeAdapters } from './partition-change-adapters.ts';
import { raftAdapters } from './raft-adapters.ts';
import { replicationAdapters } from './replication-adapters.ts';
import { zkAdapters } from './zk-adapters.ts';

function merge(...tables: AdapterTable[]): AdapterTable {
  const out: Record<string, AdapterTable[string]> = {};
  for (const table of tables) {
    for (const [algorithm, adapter] of Object.entries(table)) {
      if (algorithm in out) throw new Error(`two adapters claim algorithm "${algorithm}"`);
      out[algorithm] = adapter;
    }
  }
  return out;
}

export const allAdapters: AdapterTable = merge(assignmentAdapters, partitionChangeAdapters, raftAdapters, replicationAdapters, zkAdapters);

const here = dirname(fileURLToPath(import.meta.url));
export const VECTOR_FILES = ['assignment.json', 'partition-election.json', 'raft.json', 'replication.json', 'zk-controller.json'].map((f) => join(here, 'vectors', f));
