import type { ActionDeclaration } from "@aws-sdk/client-codepipeline";
import type { ActionExecutionRecord, ExecutionRecord, PipelineRecord } from "../state/records";
import { scopeKey } from "../state/world";
import { registerRun } from "./builds";
import type { Engine } from "./engine";
import { planDeployTargets, providesDeployTargets } from "./deploy-targets";
import { touch } from "./execution";
import { startJob } from "./job-queue";
import { behaviourOf, planRun } from "./providers";
import { runOrderOf } from "./structure";
import { resolveConfiguration, unresolvedError } from "./variables";

/** One run of an action: its record, its plan (duration, outcome, revision), and a job for custom and partner actions. */
export function startAction(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, action: ActionDeclaration): void {
  const key = `${stage}.${action.name}`;
  const runNumber = (p.runCounts[key] = (p.runCounts[key] ?? 0) + 1);
  const id = e.rng.uuid();
  const now = e.now();
  const plan = planRun(e.rng, now, p, x, stage, action, runNumber, id);
  const { resolved, unresolved } = resolveConfiguration(p, x, action.configuration ?? {});
  if (unresolved.length > 0) {
    // Nothing runs: the action fails at once, as AWS fails it.
    Object.assign(plan, { dueTime: now, willFail: true, plannedError: unresolvedError(action.name!) });
    delete plan.token;
    delete plan.autoDecision;
    delete plan.outputVariables;
  }
  const deployTargets =
    plan.dueTime !== undefined && unresolved.length === 0 && providesDeployTargets(action)
      ? planDeployTargets(p, id, action, behaviourOf(p, stage, action.name!), now, plan.dueTime, plan.willFail)
      : undefined;
  const outputArtifactKeys: Record<string, string> = {};
  for (const artifact of action.outputArtifacts ?? []) {
    outputArtifactKeys[artifact.name!] = x.artifactLocations[artifact.name!] = `${p.name.slice(0, 20)}/${artifact.name!.slice(0, 10)}/${e.rng.hex(7)}`;
  }
  const inputArtifactKeys: Record<string, string> = {};
  for (const artifact of action.inputArtifacts ?? []) inputArtifactKeys[artifact.name!] = x.artifactLocations[artifact.name!] ?? "";
  const record: ActionExecutionRecord = {
    id,
    pipelineExecutionId: x.id,
    pipelineVersion: x.pipelineVersion,
    stageName: stage,
    actionName: action.name!,
    startTime: now,
    lastUpdateTime: now,
    status: "InProgress",
    ...plan,
    resolvedConfiguration: resolved,
    inputArtifactKeys,
    outputArtifactKeys,
    ...(deployTargets && { deployTargets }),
  };
  if (plan.dueTime !== undefined && unresolved.length === 0) registerRun(e.world, p, record, action);
  p.actionExecutions[id] = record;
  p.actionExecutionOrder.push(id);
  p.actionLatest[key] = id;
  x.stages[stage].runOrder = runOrderOf(action);
  x.stages[stage].actions[action.name!] = id;
  touch(e, x);
  if (plan.dueTime !== undefined) e.schedule(plan.dueTime, { kind: "actionDue", scope: scopeKey(p), pipeline: p.name, actionExecutionId: id });
  else if (action.actionTypeId!.owner === "Custom" || action.actionTypeId!.owner === "ThirdParty") startJob(e, p, record, action);
}

/** A source action's revision becomes the execution's artifact revisions and source revisions. */
export function recordRevision(x: ExecutionRecord, action: ActionDeclaration, record: ActionExecutionRecord): void {
  const revision = record.revision!;
  for (const artifact of action.outputArtifacts ?? []) {
    x.artifactRevisions = x.artifactRevisions.filter((a) => a.name !== artifact.name);
    x.artifactRevisions.push({
      name: artifact.name,
      revisionId: revision.revisionId,
      revisionChangeIdentifier: revision.revisionChangeId,
      revisionSummary: revision.summary,
      created: new Date(revision.created),
      ...(revision.url && { revisionUrl: revision.url }),
    });
  }
  x.sourceRevisions = x.sourceRevisions.filter((s) => s.actionName !== record.actionName);
  x.sourceRevisions.push({ actionName: record.actionName, revisionId: revision.revisionId, revisionSummary: revision.summary, revisionUrl: revision.url });
}
