#!/usr/bin/env bash
# Package smoke test: packs kcheck, installs the tarball into a fresh temporary project and there, on plain Node
# (no tsx of the project's own), lists the models, checks the examples by file path, replays a trace an example
# wrote, and runs a vitest file using kcheck/vitest (passing matchers plus one expected failure). Exit 1 on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kcheck-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke: FAIL: $*"; exit 1; }
expect_code() { # expect_code N command...: runs the command, fails unless it exits with N
  local want=$1; shift
  local got=0
  "$@" >"$work/last.out" 2>&1 || got=$?
  [ "$got" = "$want" ] || { cat "$work/last.out"; fail "'$*' exited $got, expected $want"; }
}

(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null) || fail "npm pack"
cd "$work"
npm init -y >/dev/null
npm pkg set type=module  # kcheck is ESM-only; so are the examples
vitest_version="$(node -p "require('$root/node_modules/vitest/package.json').version")"
npm install --no-audit --no-fund --silent ./kcheck-*.tgz "vitest@$vitest_version" >/dev/null || fail "npm install of the tarball"
[ ! -e node_modules/kcheck/src ] && [ ! -e node_modules/kcheck/test ] || fail "the tarball ships sources or tests"
mkdir examples
cp "$root"/examples/consumer-offsets.ts "$root"/examples/consumer-offsets.test.ts "$root"/examples/freshest-replica-election.ts examples/

expect_code 0 npx kcheck list
grep -q '^replication — ' last.out || fail "kcheck list does not show the built-in models"
expect_code 1 npx kcheck check ./examples/consumer-offsets.ts --preset no-generation-fencing
grep -q 'VIOLATED  committed-offset-monotonic — shortest counterexample, 5 action(s)' last.out || fail "consumer-offsets: expected a 5-action violation"
# Report names carry the configuration's params hash: <model>.<preset>.<hash>.<property>.itf.json
trace=$(ls reports/consumer-offsets.no-generation-fencing.*.committed-offset-monotonic.itf.json 2>/dev/null | head -n 1)
[ -n "$trace" ] || fail "check did not write the example's trace"
expect_code 1 npx kcheck replay "$trace"
grep -q 'the counterexample reproduces' last.out || fail "replay did not reproduce the example's trace"
expect_code 1 npx kcheck check ./examples/freshest-replica-election.ts --preset default --property no-committed-message-loss
grep -q 'VIOLATED  no-committed-message-loss — shortest counterexample, 4 action(s)' last.out || fail "freshest-replica-election: expected a 4-action loss"
echo '{"models": ["./examples/consumer-offsets.ts"]}' > kcheck.config.json
expect_code 0 npx kcheck suite --model consumer-offsets --jobs 2
grep -q 'suite: 2 of 2 expectations met' last.out || fail "kcheck suite on the config's model"
expect_code 0 npx vitest run examples/consumer-offsets.test.ts
grep -q '1 expected fail' last.out || fail "vitest: the expected-to-fail matcher did not fail"
echo "smoke: the packed tarball installs and runs: list, check by path, replay, config + suite, kcheck/vitest"
