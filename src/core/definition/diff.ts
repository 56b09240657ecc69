import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "@aws-sdk/client-codepipeline";

/**
 * One difference between two pipeline declarations. Stages are matched by name, actions by name within
 * their stage, so a renamed stage reads as removed + added (CodePipeline itself treats it that way:
 * the old stage's history does not carry over).
 */
export interface DefinitionChange {
  kind: "added" | "removed" | "changed";
  /** Absent for pipeline-level settings. */
  stage?: string;
  /** Absent for stage-level and pipeline-level changes. */
  action?: string;
  /** The setting that changed, dotted ("configuration.BranchName"); absent when a whole stage or action comes or goes. */
  field?: string;
  before?: unknown;
  after?: unknown;
}

/** Set by CodePipeline, not by the author: a version always differs. */
const IGNORED_PIPELINE_FIELDS = new Set(["version", "stages"]);

/** What changed from `before` to `after`: pipeline settings first, then stage by stage in `after`'s order. */
export function diffDeclarations(before: PipelineDeclaration, after: PipelineDeclaration): DefinitionChange[] {
  const changes: DefinitionChange[] = fieldChanges(before, after, IGNORED_PIPELINE_FIELDS).map((c) => ({ kind: c.kind, ...c.change }));

  const beforeStages = before.stages ?? [];
  const afterStages = after.stages ?? [];
  const beforeOrder = beforeStages.map((s) => s.name ?? "");
  const afterOrder = afterStages.map((s) => s.name ?? "");
  const common = afterOrder.filter((name) => beforeOrder.includes(name));
  const commonBefore = beforeOrder.filter((name) => afterOrder.includes(name));
  if (common.join("\n") !== commonBefore.join("\n")) {
    changes.push({ kind: "changed", field: "stage order", before: commonBefore, after: common });
  }

  for (const stage of beforeStages) {
    if (!afterOrder.includes(stage.name ?? "")) changes.push({ kind: "removed", stage: stage.name });
  }
  for (const stage of afterStages) {
    const old = beforeStages.find((s) => s.name === stage.name);
    if (!old) changes.push({ kind: "added", stage: stage.name });
    else changes.push(...stageChanges(old, stage));
  }
  return changes;
}

function stageChanges(before: StageDeclaration, after: StageDeclaration): DefinitionChange[] {
  const stage = after.name;
  const changes: DefinitionChange[] = fieldChanges(before, after, new Set(["actions"])).map((c) => ({ kind: c.kind, stage, ...c.change }));
  const beforeActions = before.actions ?? [];
  const afterActions = after.actions ?? [];
  for (const action of beforeActions) {
    if (!afterActions.some((a) => a.name === action.name)) changes.push({ kind: "removed", stage, action: action.name });
  }
  for (const action of afterActions) {
    const old = beforeActions.find((a) => a.name === action.name);
    if (!old) changes.push({ kind: "added", stage, action: action.name });
    else changes.push(...actionChanges(stage, old, action));
  }
  return changes;
}

function actionChanges(stage: string | undefined, before: ActionDeclaration, after: ActionDeclaration): DefinitionChange[] {
  return fieldChanges(before, after, new Set()).map((c) => ({ kind: c.kind, stage, action: after.name, ...c.change }));
}

type FieldChange = { kind: DefinitionChange["kind"]; change: Pick<DefinitionChange, "field" | "before" | "after"> };

/**
 * Settings compared leaf by leaf through nested objects (configuration keys one by one); lists are
 * compared whole, since their items have no stable identity (artifacts, variables, triggers).
 */
function fieldChanges(before: object, after: object, ignored: Set<string>, prefix = ""): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !ignored.has(k)).sort();
  const out: FieldChange[] = [];
  for (const key of keys) {
    const field = prefix + key;
    const x = b[key];
    const y = a[key];
    if (x === undefined && y === undefined) continue;
    if (x === undefined) out.push({ kind: "added", change: { field, after: y } });
    else if (y === undefined) out.push({ kind: "removed", change: { field, before: x } });
    else if (isPlainObject(x) && isPlainObject(y)) out.push(...fieldChanges(x, y, new Set(), `${field}.`));
    else if (canonical(x) !== canonical(y)) out.push({ kind: "changed", change: { field, before: x, after: y } });
  }
  return out;
}

const isPlainObject = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON with sorted keys, so key order (which CodePipeline does not keep) never counts as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0))) : v,
  );
}

/** "Stage Build", "Action Build › Compile", "Pipeline": what a change is about, for headings and labels. */
export function changeSubject(change: DefinitionChange): string {
  if (change.action !== undefined) return `Action ${change.stage} › ${change.action}`;
  if (change.stage !== undefined) return `Stage ${change.stage}`;
  return "Pipeline";
}

/** One readable sentence per change, for the diff list (values shortened, never interpreted as markup by the caller). */
export function describeChange(change: DefinitionChange): string {
  const subject = changeSubject(change);
  if (!change.field) return `${subject} ${change.kind}`;
  if (change.kind === "added") return `${subject}: ${change.field} set to ${short(change.after)}`;
  if (change.kind === "removed") return `${subject}: ${change.field} removed (was ${short(change.before)})`;
  return `${subject}: ${change.field} changed from ${short(change.before)} to ${short(change.after)}`;
}

const SHORT_MAX = 120;
function short(value: unknown): string {
  const text = Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(" → ") : JSON.stringify(value);
  return text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text;
}
