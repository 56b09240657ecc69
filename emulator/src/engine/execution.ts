import type { StageDeclaration } from "@aws-sdk/client-codepipeline";
import type { ExecutionRecord, PipelineRecord } from "../state/records";
import type { Engine } from "./engine";

/** Reading an execution's place in its pipeline; no module here moves it (that is ./lifecycle). */

export const declarationOf = (p: PipelineRecord, x: ExecutionRecord) => p.versions[x.pipelineVersion - 1];

export function stageOf(p: PipelineRecord, x: ExecutionRecord, stage: string): StageDeclaration {
  return declarationOf(p, x).stages!.find((s) => s.name === stage)!;
}

export function touch(e: Engine, x: ExecutionRecord): void {
  x.lastUpdateTime = e.now();
  e.changed(x);
}

export function occupies(x: ExecutionRecord | undefined, stage: string): boolean {
  return !!x && x.position?.stage === stage && x.position.phase !== "waiting";
}

export function transitionOpen(p: PipelineRecord, x: ExecutionRecord, stage: string): boolean {
  if (p.inbound[stage]?.enabled === false) return false;
  const stages = declarationOf(p, x).stages!;
  const index = stages.findIndex((s) => s.name === stage);
  return index <= 0 || p.outbound[stages[index - 1].name!]?.enabled !== false;
}
