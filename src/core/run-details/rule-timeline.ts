import type { PipelineDeclaration, RuleExecutionDetail, StageDeclaration } from "@aws-sdk/client-codepipeline";
import type { ConditionKind } from "../graph/layout";

/**
 * The rule results of one execution (ListRuleExecutions) over time, per stage and per condition (beforeEntry,
 * onSuccess, onFailure). The API does not say which condition a rule run belongs to, so it is found by the rule's
 * name in the declaration of the version that ran; a name the declaration no longer has goes under "other".
 */

export interface RuleRun {
  detail: RuleExecutionDetail;
  /** Set when the run ended; InProgress runs have none. */
  endedAt?: Date;
  /** Someone overrode the condition while this rule ran (its run then reads Abandoned or Overridden). */
  overridden?: { by?: string; at?: Date };
}

export interface ConditionRuns {
  kind: ConditionKind | "other";
  runs: RuleRun[];
}

export interface StageRuleRuns {
  stageName: string;
  conditions: ConditionRuns[];
}

const KINDS: ConditionKind[] = ["beforeEntry", "onSuccess", "onFailure"];

/** The condition a rule is declared in, and its place there (runs that start together keep the declared order). */
function placeOf(stage: StageDeclaration | undefined, ruleName: string | undefined): { kind: ConditionKind | "other"; index: number } {
  for (const kind of KINDS) {
    const names = (stage?.[kind]?.conditions ?? []).flatMap((c) => (c.rules ?? []).map((r) => r.name));
    if (names.includes(ruleName)) return { kind, index: names.indexOf(ruleName) };
  }
  return { kind: "other", index: 0 };
}

function toRun(detail: RuleExecutionDetail): RuleRun {
  // The model's rule statuses have no Overridden (conditions do); a newer API may send it, so it is read as text.
  const status: string | undefined = detail.status;
  const ended = status !== "InProgress" && status !== undefined;
  return {
    detail,
    endedAt: ended ? detail.lastUpdateTime : undefined,
    overridden: status === "Overridden" || (status === "Abandoned" && detail.updatedBy) ? { by: detail.updatedBy, at: detail.lastUpdateTime } : undefined,
  };
}

/** Stages in declaration order (then any the declaration lacks), conditions in evaluation order, runs oldest first. */
export function ruleTimeline(declaration: PipelineDeclaration | undefined, details: readonly RuleExecutionDetail[]): StageRuleRuns[] {
  const byStage = new Map<string, Map<ConditionKind | "other", { run: RuleRun; index: number }[]>>();
  for (const detail of details) {
    const stageName = detail.stageName ?? "";
    const { kind, index } = placeOf(declaration?.stages?.find((s) => s.name === stageName), detail.ruleName);
    let kinds = byStage.get(stageName);
    if (!kinds) byStage.set(stageName, (kinds = new Map()));
    kinds.set(kind, [...(kinds.get(kind) ?? []), { run: toRun(detail), index }]);
  }
  const declared = (declaration?.stages ?? []).map((s) => s.name ?? "");
  const order = [...declared.filter((name) => byStage.has(name)), ...[...byStage.keys()].filter((name) => !declared.includes(name))];
  return order.map((stageName) => {
    const kinds = byStage.get(stageName)!;
    return {
      stageName,
      conditions: [...KINDS, "other" as const]
        .filter((kind) => kinds.has(kind))
        .map((kind) => ({
          kind,
          runs: kinds
            .get(kind)!
            .sort((a, b) => (a.run.detail.startTime?.getTime() ?? 0) - (b.run.detail.startTime?.getTime() ?? 0) || a.index - b.index)
            .map(({ run }) => run),
        })),
    };
  });
}
