// Which zk-controller steps a fair run must eventually take (for liveness properties). A broker that sees
// /controller gone runs its election to the end, handles its own session expiry, and requests in flight are
// delivered. Session expiries (GC pauses), crashes, restarts and the controller's choice to move a partition
// leader are never forced.

export const ZK_FAIRNESS: Readonly<Record<string, 'weak' | 'strong'>> = {
  CreateElectionNode: 'weak',
  ReadControllerEpoch: 'weak',
  RegisterController: 'weak',
  HandleSessionExpiry: 'weak',
  DeliverRequest: 'weak',
};
