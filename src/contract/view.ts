// What a model may show people besides its variables (all optional, all plain data): a picture of one state
// (`view`: nodes as columns with badges, logs as cells, HW/LEO markers, messages in flight) and what one step did
// (`describeStep`: who acted, its consequence in words, crash/restart/drop marks). The trace page, Markdown and
// `kcheck explore` draw these; a model without them gets a generic picture built from its variables.

/** A badge on a node: the tone picks its colour (leader, member of a set like ISR/ELR, fenced, down, plain info). */
export interface Badge {
  readonly text: string;
  readonly tone: 'leader' | 'member' | 'fenced' | 'down' | 'warn' | 'info';
}

/** One log entry as a cell: its offset, what it holds (record name), and the leader epoch it was written in. */
export interface LogCell {
  readonly offset: number;
  readonly record: string;
  readonly epoch: number;
  /** committed: below a leader's HW at some point; lost: a committed entry this log no longer has at that offset. */
  readonly tone?: 'committed' | 'uncommitted' | 'lost';
}

/** A marker on a log: `HW 2` is drawn on the boundary before offset 2. */
export interface LogMarker {
  readonly name: string;
  readonly offset: number;
}

/** One column of the cluster picture: a broker, a voter, the controller, ZooKeeper, a client. */
export interface NodeView {
  /** Lane id shared with `StepInfo.actor` and message endpoints, e.g. "broker 0" or "controller". */
  readonly id: string;
  /** Heading; defaults to the id. */
  readonly title?: string;
  /** Whose picture of the world this is (drawn apart): the controller's view vs a broker's own view. */
  readonly perspective?: 'controller' | 'node' | 'coordinator' | 'client';
  readonly badges: readonly Badge[];
  readonly log?: readonly LogCell[];
  readonly markers?: readonly LogMarker[];
  /** Short label/value lines (epoch 3, leader broker 1, ISR [0, 1]). */
  readonly facts?: readonly (readonly [string, string])[];
}

/** A message in flight between two lanes; `label` is also how a send is matched to its later delivery. */
export interface MessageView {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface ClusterView {
  readonly nodes: readonly NodeView[];
  /** Messages in flight in this state (a multiset). A step's sends and deliveries are derived by comparing states. */
  readonly inFlight?: readonly MessageView[];
  /** The sequence diagram's first lanes, in order (defaults to the node ids); actors not listed are added after. */
  readonly lanes?: readonly string[];
  /** Facts about the whole run that belong to no node (committed prefix, acknowledged records, budgets). */
  readonly notes?: readonly (readonly [string, string])[];
}

/** What one step did, for the sequence diagram and the step lines. */
export interface StepInfo {
  /** The lane the step happens on. */
  readonly actor: string;
  /** The step and its consequence in the protocol's words, e.g. "broker 1 crashes → controller elects broker 2 …". */
  readonly text: string;
  /** Messages that left the in-flight set in this step were lost, not delivered (a network drop). */
  readonly drop?: boolean;
  /**
   * The messages this step delivered, when the model can name them; any other message gone from flight was lost.
   * Without it, a message gone in a step its recipient took counts as delivered.
   */
  readonly delivered?: readonly MessageView[];
  /** A failure or recovery mark drawn on the actor's lane. */
  readonly mark?: 'crash' | 'power-loss' | 'restart' | 'shutdown' | 'expiry';
  /** Request/response exchanges completed within the step (drawn as arrows inside it). */
  readonly exchanges?: readonly { readonly from: string; readonly to: string; readonly label: string }[];
}
