// Value symmetry of record ids for --symmetry: an id is only a label (records are compared for equality, epochs sit
// in the code's low bits, the next id is above every used one), so the representative numbers the used ids by first
// appearance (logs by broker and offset, responses in flight, committed and consumed history). Brokers are not
// permuted: elections and the preferred leader pick replicas by assignment order, so no two are alike.

import { patchBroker, patchGhosts, patchState, recordCode, recordEpoch, recordId, type RecordCode, type ReplicationState } from './replication-state.ts';

/** Old id → new id (index 0 unused); null when the state already is its own representative. */
function renaming(s: ReplicationState): Int32Array | null {
  const used = s.ghosts.nextRecord - 1;
  if (used < 2) return null;
  const map = new Int32Array(used + 1);
  let next = 1;
  const see = (codes: readonly RecordCode[]): void => {
    for (let i = 0; i < codes.length && next <= used; i++) {
      const id = recordId(codes[i]);
      if (id !== 0 && map[id] === 0) map[id] = next++;
    }
  };
  for (const b of s.brokers) see(b.log);
  for (const b of s.brokers) if (b.fetchResponse !== null) see(b.fetchResponse.records);
  see(s.ghosts.committed);
  see(s.ghosts.consumed);
  if (next <= used) {
    // Ids held nowhere any more differ only by what the producer was told: order them by (acked, pending holder).
    const g = s.ghosts;
    const rest: number[] = [];
    for (let id = 1; id <= used; id++) if (map[id] === 0) rest.push(id);
    const key = (id: number): number => (((g.acked >> (id - 1)) & 1) << 8) | (g.pendingAcks[id - 1] + 1);
    rest.sort((x, y) => key(x) - key(y) || x - y);
    for (const id of rest) map[id] = next++;
  }
  for (let id = 1; id <= used; id++) if (map[id] !== id) return map;
  return null;
}

function renameCodes(codes: readonly RecordCode[], map: Int32Array): RecordCode[] {
  return codes.map((c) => (c === 0 ? 0 : recordCode(map[recordId(c)], recordEpoch(c))));
}

/** The representative of `s` under renaming of the used record ids (the same object when nothing moves). */
export function canonicalizeReplication(s: ReplicationState): ReplicationState {
  const map = renaming(s);
  if (map === null) return s;
  const g = s.ghosts;
  const brokers = s.brokers.map((b) => {
    const fr = b.fetchResponse;
    return patchBroker(b, { log: renameCodes(b.log, map), fetchResponse: fr === null ? null : { from: fr.from, fetchOffset: fr.fetchOffset, records: renameCodes(fr.records, map), highWatermark: fr.highWatermark, truncateTo: fr.truncateTo } });
  });
  let acked = 0;
  const pendingAcks = g.pendingAcks.slice();
  for (let id = 1; id < map.length; id++) {
    if ((g.acked >> (id - 1)) & 1) acked |= 1 << (map[id] - 1);
    pendingAcks[map[id] - 1] = g.pendingAcks[id - 1];
  }
  const ghosts = patchGhosts(g, { committed: renameCodes(g.committed, map), consumed: renameCodes(g.consumed, map), acked, pendingAcks });
  return patchState(s, { brokers, ghosts });
}
