import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "@aws-sdk/client-codepipeline";
import { JsonSyntaxError, jsonValueRanges, locatePath, type JsonPath, type TextRange } from "./json-positions";

/** One thing CodePipeline would refuse, and where in the declaration it is. */
export interface DefinitionProblem {
  path: JsonPath;
  message: string;
}

/** A problem placed in the editor's text; `from`/`to` are absent when it is not in the text (the name field). */
export interface LocatedProblem extends DefinitionProblem {
  from?: number;
  to?: number;
}

/** The API's `PipelineName`, `StageName` and `ActionName`: 1–100 of these characters. */
export const NAME_PATTERN = /^[A-Za-z0-9.@\-_]+$/;
export const NAME_MAX = 100;
const MIN_STAGES = 2;
const MAX_STAGES = 50;
const MAX_ACTIONS_PER_STAGE = 50;
const RUN_ORDER_MAX = 999;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** null when the name is acceptable, else why not. `what` names the thing ("Stage name"). */
export function checkName(name: unknown, what: string): string | null {
  if (typeof name !== "string" || name.length === 0) return `${what} is required.`;
  if (name.length > NAME_MAX) return `${what} has ${name.length} characters; at most ${NAME_MAX} are allowed.`;
  if (!NAME_PATTERN.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9.@\-_]/.test(c)))].map((c) => (c === " " ? "space" : `“${c}”`));
    return `${what} “${name}” contains ${bad.join(" ")}; only letters, digits and . @ - _ are allowed.`;
  }
  return null;
}

/**
 * The structure rules CodePipeline enforces on CreatePipeline and UpdatePipeline, checked in the browser
 * so mistakes show before anything is sent. Not every server rule (action type limits, IAM) is here.
 */
export function checkDeclaration(value: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report = (path: JsonPath, message: string) => problems.push({ path, message });
  if (!isObject(value)) {
    report([], "The definition must be a JSON object (the pipeline declaration).");
    return problems;
  }
  const nameProblem = checkName(value.name, "Pipeline name");
  if (nameProblem) report(["name"], nameProblem);
  if (typeof value.roleArn !== "string" || value.roleArn.length === 0) report(["roleArn"], "roleArn is required: the service role CodePipeline acts as.");
  if (!value.artifactStore && !value.artifactStores) report([], "An artifactStore (or artifactStores, one per region) is required.");
  if (value.artifactStore && value.artifactStores) report(["artifactStores"], "Use artifactStore or artifactStores, not both.");

  if (!Array.isArray(value.stages)) {
    report(["stages"], "stages must be a list of stages.");
    return problems;
  }
  const stages = value.stages as unknown[];
  if (stages.length < MIN_STAGES) report(["stages"], `A pipeline needs at least ${MIN_STAGES} stages; this one has ${stages.length}.`);
  if (stages.length > MAX_STAGES) report(["stages"], `A pipeline has at most ${MAX_STAGES} stages; this one has ${stages.length}.`);

  const stageNames = new Set<string>();
  const produced = new Set<string>();
  stages.forEach((stage, s) => {
    const at: JsonPath = ["stages", s];
    if (!isObject(stage)) return report(at, "Each stage must be an object with a name and actions.");
    const stageName = stage.name;
    const bad = checkName(stageName, "Stage name");
    if (bad) report([...at, "name"], bad);
    else if (stageNames.has(stageName as string)) report([...at, "name"], `Stage name “${stageName}” is used more than once.`);
    stageNames.add(stageName as string);
    checkActions(stage as unknown as StageDeclaration, s, produced, report);
  });
  return problems;
}

function checkActions(stage: StageDeclaration, s: number, produced: Set<string>, report: (path: JsonPath, message: string) => void) {
  const at: JsonPath = ["stages", s, "actions"];
  const label = typeof stage.name === "string" ? `Stage “${stage.name}”` : `Stage ${s + 1}`;
  if (!Array.isArray(stage.actions) || stage.actions.length === 0) return report(at, `${label} needs at least one action.`);
  if (stage.actions.length > MAX_ACTIONS_PER_STAGE) report(at, `${label} has ${stage.actions.length} actions; at most ${MAX_ACTIONS_PER_STAGE} are allowed.`);

  const actionNames = new Set<string>();
  const valid: { action: ActionDeclaration; a: number; order: number }[] = [];
  stage.actions.forEach((action: unknown, a) => {
    const path: JsonPath = [...at, a];
    if (!isObject(action)) return report(path, "Each action must be an object.");
    const typed = action as unknown as ActionDeclaration;
    const bad = checkName(typed.name, "Action name");
    if (bad) report([...path, "name"], bad);
    else if (actionNames.has(typed.name!)) report([...path, "name"], `Action name “${typed.name}” is used more than once in ${label.toLowerCase()}.`);
    actionNames.add(typed.name!);

    const type = typed.actionTypeId;
    if (!isObject(type) || !type.category || !type.owner || !type.provider || !type.version) {
      report([...path, "actionTypeId"], "actionTypeId needs category, owner, provider and version.");
    } else if (s === 0 && type.category !== "Source") {
      report([...path, "actionTypeId", "category"], `The first stage may hold only Source actions; “${typed.name}” is a ${type.category} action.`);
    } else if (s > 0 && type.category === "Source") {
      report([...path, "actionTypeId", "category"], `Source actions belong in the first stage only; “${typed.name}” is in ${label.toLowerCase()}.`);
    }

    const order = typed.runOrder ?? 1;
    if (!Number.isInteger(order) || order < 1 || order > RUN_ORDER_MAX) {
      report([...path, "runOrder"], `runOrder must be a whole number from 1 to ${RUN_ORDER_MAX}; it is ${JSON.stringify(typed.runOrder)}.`);
    }
    valid.push({ action: typed, a, order: Number.isInteger(order) ? order : 1 });
  });

  // Artifacts flow forward: from earlier stages, and within a stage from lower runOrder groups.
  const orders = [...new Set(valid.map((v) => v.order))].sort((x, y) => x - y);
  for (const order of orders) {
    const group = valid.filter((v) => v.order === order);
    const producedHere: string[] = [];
    for (const { action, a } of group) {
      (action.inputArtifacts ?? []).forEach((input, i) => {
        if (!produced.has(input?.name ?? "")) {
          report(
            [...at, a, "inputArtifacts", i, "name"],
            `Input artifact “${input?.name}” of “${action.name}” is not an output of any action that runs before it.`,
          );
        }
      });
      (action.outputArtifacts ?? []).forEach((output, i) => {
        const name = output?.name ?? "";
        if (produced.has(name) || producedHere.includes(name)) {
          report([...at, a, "outputArtifacts", i, "name"], `Output artifact “${name}” is produced by more than one action.`);
        }
        producedHere.push(name);
      });
    }
    for (const name of producedHere) produced.add(name);
  }
}

export interface CheckedText {
  /** The parsed declaration, when the text is JSON at all. */
  declaration?: PipelineDeclaration;
  problems: LocatedProblem[];
}

/**
 * The editor's whole check: JSON syntax first (nothing else can be said about broken JSON), then the
 * structure rules and any `extra` problems (the server's), each placed in the text. `overrides` are
 * fields that come from outside the text (the name field of the create form).
 */
export function checkDefinitionText(text: string, options: { overrides?: Partial<PipelineDeclaration>; extra?: DefinitionProblem[] } = {}): CheckedText {
  let ranges: Map<string, TextRange>;
  try {
    ranges = jsonValueRanges(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const from = Math.min(error.position, Math.max(text.length - 1, 0));
    return { problems: [{ path: [], message: `Not valid JSON: ${error.message}.`, from, to: Math.min(from + 1, text.length) }] };
  }
  const parsed: unknown = JSON.parse(text);
  const overrides = options.overrides ?? {};
  const declaration = (isObject(parsed) ? { ...parsed, ...overrides } : parsed) as PipelineDeclaration;
  const problems = [...checkDeclaration(declaration), ...(options.extra ?? [])].map((problem): LocatedProblem => {
    const outside = problem.path.length > 0 && (problem.path[0] as string) in overrides;
    return outside ? problem : { ...problem, ...locatePath(text, ranges, problem.path) };
  });
  return { declaration: isObject(parsed) ? declaration : undefined, problems };
}
