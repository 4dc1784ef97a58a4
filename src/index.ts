// kcheck's public API (`import … from 'kcheck'`): the model contract, property helpers, defineModel, check and
// checkParallel (outcomes as data with assertHolds / assertViolates), runPreset, replay, and the report writers.
// The CLI, the built-in models and the property suites use exactly these; nothing here knows Kafka (see kcheck/kafka).

export type { ActionBase, Model, StateReader, StateWriter, TraceValue } from './contract/model.ts';
export type { Expectation, ModelDefinition, ModelSource, Preset } from './contract/model-definition.ts';
export type { ParamSpec, ParamValue, ParamValues } from './contract/params.ts';
export { actionProperty, always, sometimes } from './contract/property.ts';
export type { ActionProperty, AlwaysProperty, Property, SafetyProperty, SometimesProperty } from './contract/property.ts';
export { defineModel } from './contract/define-model.ts';
export type { DefinedModel, Extension, ModelSpec, ParamsOf, PresetSpec } from './contract/define-model.ts';

export { checkModel as check, checkModelParallel as checkParallel } from './check/run-check.ts';
export type { CheckOptions, CheckResult, ParallelCheckOptions, ViolationReport } from './check/run-check.ts';
export { CheckAssertionError } from './check/check-outcome.ts';
export type { CheckOutcome } from './check/check-outcome.ts';
export { runPreset } from './check/run-suite.ts';
export type { SuiteCase } from './check/run-suite.ts';
export { readTrace, replay } from './check/replay-trace.ts';
export type { ReplayResult } from './check/replay-trace.ts';
export type { CoverageEntry, Outcome, Stats, Status, Strategy, ViolationRecord, WitnessRecord } from './explore/outcome.ts';
export type { Trace } from './explore/trace.ts';

export { writeViolationFiles } from './report/write-violation-files.ts';
export type { WrittenViolation } from './report/check-summary.ts';
export { checkSummary } from './report/check-summary.ts';
export { textSummary } from './report/text-summary.ts';
export { junitXml } from './report/junit.ts';
export type { JunitCase } from './report/junit.ts';
export { buildArtifact } from './report/violation-artifact.ts';
export type { ViolationArtifact } from './report/violation-artifact.ts';
export { artifactToItf } from './report/itf-writer.ts';
export { artifactToMarkdown } from './report/markdown-report.ts';
export { artifactToHtml } from './report/html-report.ts';

export { isKcheckError, KcheckError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
