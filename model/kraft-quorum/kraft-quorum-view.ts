// How a kraft-quorum state reads in a trace: per voter its process, role, epoch, leader, vote, log ("LC(0)@1 a@1"),
// high watermark and quorum-state file; the messages in flight; and the ghosts the properties use.
import type { TraceValue } from '../../src/contract/model.ts';
import { electionStateOf, type ElectionState, type EpochState, type QuorumContext, type ReplicaKey } from '../rules/raft/index.ts';
import { describeMessage } from './kraft-quorum-actions.ts';
import { highWatermarkOfVoter } from './kraft-quorum-node.ts';
import { entryName, leadersByEpoch, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

const key = (k: ReplicaKey | null): TraceValue => (k === null ? 'none' : k.dir === null || k.dir === 0 ? k.id : `${k.id} (dir ${k.dir})`);

function roleDetail(es: EpochState): Record<string, TraceValue> {
  switch (es.role) {
    case 'Prospective':
    case 'Candidate':
      return { votesGranted: es.votes.granted.join(' ') || 'none', votesRejected: es.votes.rejected.join(' ') || 'none' };
    case 'Leader':
      return {
        epochStartOffset: es.progress.epochStartOffset,
        voterEndOffsets: es.progress.voters.map((r) => `${r.key.id}:${r.endOffset ?? '?'}`).join(' '),
      };
    case 'Follower':
      return { hasFetchedFromLeader: es.hasFetchedFromLeader };
    default:
      return {};
  }
}

function quorumStateFile(e: ElectionState | null): TraceValue {
  if (e === null) return 'none';
  return `epoch ${e.epoch}, leader ${e.leaderId ?? 'none'}, voted ${key(e.votedKey)}`;
}

function voterView(v: VoterState, id: number, ctx: QuorumContext): Record<string, TraceValue> {
  const base = { id, process: v.halted ? 'halted (fatal error)' : v.es === null ? 'down' : 'up', log: v.log.map(entryName).join(' ') || 'empty' };
  const disk: Record<string, TraceValue> = v.disk > 0 ? { disk: `replaced ${v.disk}×` } : {};
  if (v.es === null) return { ...base, ...disk, quorumState: quorumStateFile(v.stored) };
  const election = electionStateOf(v.es, ctx);
  return {
    ...base,
    ...disk,
    role: v.es.role,
    epoch: v.es.epoch,
    leader: election.leaderId ?? 'none',
    votedFor: key(election.votedKey),
    highWatermark: highWatermarkOfVoter(v.es) ?? 'none',
    ...roleDetail(v.es),
  };
}

export function kraftQuorumVariables(s: KraftQuorumState, contexts: readonly (readonly QuorumContext[])[]): Record<string, TraceValue> {
  const leaders: string[] = [];
  leadersByEpoch(s, 15).forEach((m, epoch) => {
    const who = [0, 1, 2, 3, 4, 5, 6, 7].filter((id) => (m & (1 << id)) !== 0);
    if (who.length > 0) leaders.push(`epoch ${epoch}: ${who.join(' and ')}`);
  });
  return {
    voters: s.voters.map((v, id) => voterView(v, id, contexts[id][v.disk])),
    inFlight: s.network.map(describeMessage),
    recordsAppended: s.appended,
    committed: s.committed.map(entryName).join(' ') || 'nothing yet',
    leadersByEpoch: leaders,
  };
}
