// The `kraft-quorum` model as the registry sees it: params with ranges and docs, properties, and presets that pin
// Kafka's KRaft rules (classic and KIP-996 elections) and show what each classic Raft mistake breaks.
import { defineModel, type PresetSpec } from '../../src/contract/define-model.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftQuorumConfig, kraftQuorumModel } from '../../model/kraft-quorum/kraft-quorum-model.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { kraftQuorumPresets } from './kraft-quorum-presets.ts';
import { kraftQuorumProperties } from './kraft-quorum-properties.ts';
import { kraftQuorumLiveness } from './kraft-quorum-liveness.ts';
import { withKraftLivenessQuotient } from './kraft-quorum-quotient.ts';

export const kraftQuorumDefinition = defineModel({
  name: 'kraft-quorum',
  doc: 'KRaft controller quorum: Raft-style election of the active controller and replication of the metadata log',
  params: [
    { name: 'voters', type: 'int', default: 3, min: 1, max: 5, doc: 'controller quorum voters (ids 0..n-1)' },
    { name: 'maxEpoch', type: 'int', default: 2, min: 1, max: 6, doc: 'bound on the epoch: no voter starts an election past it (liveness runs: on the renumbered epoch — each older epoch a log remembers counts one, then the spread of the current epochs — so a run may repeat with every epoch higher)' },
    { name: 'records', type: 'int', default: 1, min: 0, max: 4, doc: 'metadata records the active controllers may append (a, b, …) besides LeaderChange records' },
    { name: 'preVote', type: 'bool', default: false, doc: 'KIP-996: a timed-out voter first runs a PreVote round as Prospective' },
    { name: 'restarts', type: 'int', default: 0, min: 0, max: 3, doc: 'voter crashes (memory lost, quorum-state file and log kept), each with a possible restart' },
    { name: 'resigns', type: 'int', default: 0, min: 0, max: 3, doc: 'check-quorum resignations: a leader that stops hearing from a majority resigns its epoch' },
    { name: 'maxMessages', type: 'int', default: 4, min: 1, max: 12, doc: 'bound on messages in flight: a step that would exceed it is not explored (a TLC-style state constraint)' },
    { name: 'drops', type: 'int', default: 0, min: 0, max: 3, doc: 'messages the network may lose' },
    { name: 'duplicates', type: 'int', default: 0, min: 0, max: 3, doc: 'messages the network may duplicate' },
    { name: 'fetchMaxRecords', type: 'int', default: 0, min: 0, max: 4, doc: 'entries per fetch response (fetch max bytes); 0 = up to the log end' },
    { name: 'diskLosses', type: 'int', default: 0, min: 0, max: 2, doc: 'times a voter loses its disk and rejoins with an empty log under the same id' },
    { name: 'directoryIds', type: 'bool', default: true, doc: 'KIP-853: voter keys carry the directory id, so a voter with a new (empty) disk is no longer that voter' },
    { name: 'voteLogCheck', type: 'bool', default: true, doc: "grant a vote only to a log at least as up to date (last epoch, then end offset); false = kafka-bugs.md 9's mistake" },
    { name: 'persistVote', type: 'bool', default: true, doc: 'write the granted vote to quorum-state before answering; false = the vote is lost on restart' },
    { name: 'commitByCountingReplicas', type: 'bool', default: false, doc: 'Raft §5.4.2 mistake: the leader HW counts replicas even at or below its epoch start offset' },
    { name: 'electionTimers', type: 'enum', default: 'all', values: ['all', 'first'], doc: "whose election timer may fire: all voters, or only voter 0 (Kafka randomises election timeouts, QuorumState.randomElectionTimeoutMs, so one voter usually runs first)" },
    { name: 'lostContact', type: 'enum', default: 'any', values: ['any', 'last'], doc: 'which followers may hit the fetch timeout: any, or only the highest-id voter (the voter that loses touch and rejoins)' },
    { name: 'timers', type: 'enum', default: 'any-time', values: ['any-time', 'when-quiet'], doc: 'when election and fetch timers may fire: at any time, or only while no message is in flight (a timeout outlasts a round trip)' },
    { name: 'divergenceCheck', type: 'bool', default: true, doc: "the leader validates the follower's last fetched epoch (false: it trusts the fetch offset, like Raft without prevLogTerm)" },
  ],
  create: (p) => withKraftLivenessQuotient(kraftQuorumConfig(p)),
  properties: (p) => [...kraftQuorumProperties(p), ...kraftQuorumLiveness(p)],
  validate: (p) =>
    (p.voters as number) < 2 && (p.diskLosses as number) > 0 ? 'diskLosses needs at least 2 voters (someone must keep the data)' : undefined,
  // Typed as Preset[] in their own file; defineModel checks each one against the params above when defined.
  presets: kraftQuorumPresets as readonly PresetSpec<any>[],
});
