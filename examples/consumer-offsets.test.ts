// The example model under vitest with kcheck/vitest's matchers: fencing holds, the zombie commit is found in 5
// actions, a witness is reached, and a failing toHold reports the counterexample story and the written trace.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'kcheck/vitest';
import consumerOffsets from './consumer-offsets.ts';

const out = 'reports/examples';
// Report files are named <model>.<preset>.<params-hash>.<property>.itf.json.
const written = (property: string): string => `${out}/${readdirSync(out).find((f) => f.endsWith(`.${property}.itf.json`))}`;

describe('consumer-offsets', () => {
  it('holds with generation fencing and reaches a commit after a rebalance', async () => {
    await expect(consumerOffsets).toHold({ preset: 'default' });
    await expect(consumerOffsets).toReach('commit-after-rebalance');
  });

  it('lets a zombie move the committed offset back without fencing (5 actions)', async () => {
    await expect(consumerOffsets).toViolate('committed-offset-monotonic', { preset: 'no-generation-fencing', length: 5, out });
    await expect(consumerOffsets).toReproduce(written('committed-offset-monotonic'));
  });

  it.fails('toHold fails without fencing (an expected failure)', async () => {
    await expect(consumerOffsets).toHold({ preset: 'no-generation-fencing', out });
  });

  it('says why, step by step, with the trace it wrote', async () => {
    await expect(expect(consumerOffsets).toHold({ preset: 'no-generation-fencing', out })).rejects.toThrow(
      /to hold, but violated committed-offset-monotonic \(5 actions\)[\s\S]*2\. consumer 0 processes the next record[\s\S]*trace: {2}reports\/examples\/consumer-offsets\.no-generation-fencing\.[0-9a-f]{8}\.committed-offset-monotonic\.itf\.json/,
    );
  });
});
