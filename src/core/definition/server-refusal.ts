import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import type { JsonPath } from "./json-positions";
import type { DefinitionProblem } from "./validate";

/**
 * Where in the declaration a refusal of CreatePipeline or UpdatePipeline belongs, read from its message, so the
 * editor shows it on that line rather than on the first. Two kinds of message name a place:
 * - ValidationException gives member paths, `at 'pipeline.stages.2.member.actions.1.member.runOrder'` (list items
 *   from 1), one per problem;
 * - the structure errors (InvalidStructure, InvalidStageDeclaration, InvalidActionDeclaration…) name stages and
 *   actions in words: "Action 'Ship' in stage 'Deploy' …", "action X in stage Y", "StageName=[Y], ActionName=[X]",
 *   "in action 'X'", "Stage Y should …". Stage and action names repeat in real pipelines (a Build action in a
 *   Build stage), so the words around a name say which it is; a bare mention is never trusted.
 */

/** A stage or action name as the API allows it, with AWS's optional quotes around it. */
const NAME = String.raw`'?([A-Za-z0-9.@\-_]+)'?`;
const ACTION_IN_STAGE = new RegExp(String.raw`\baction(?:\s+name)?\s+${NAME}\s+in\s+stage\s+${NAME}`, "gi");
const STAGE_AND_ACTION = /StageName=\[([^\]]*)\],\s*ActionName=\[([^\]]*)\]/g;
const STAGE = new RegExp(String.raw`\bstage(?:\s+name)?\s+${NAME}`, "gi");
const ACTION = new RegExp(String.raw`\baction(?:\s+name)?\s+${NAME}`, "gi");
const MEMBER_PATH = /\bat '([^']+)'/g;

const matches = (pattern: RegExp, message: string) => [...message.matchAll(pattern)];

/** `pipeline.stages.2.member.actions.1.member.runOrder` → `["stages", 1, "actions", 0, "runOrder"]`; undefined outside the pipeline. */
function fromMemberPath(memberPath: string): JsonPath | undefined {
  const [root, ...parts] = memberPath.split(".");
  if (root !== "pipeline") return undefined;
  const path: JsonPath = [];
  parts.forEach((part, i) => {
    if (part === "member") return;
    path.push(/^\d+$/.test(part) && parts[i + 1] === "member" ? Number(part) - 1 : part);
  });
  return path;
}

function stageIndex(declaration: PipelineDeclaration | undefined, name: string): number {
  return (declaration?.stages ?? []).findIndex((s) => s?.name === name);
}

function actionIndex(declaration: PipelineDeclaration | undefined, stage: number, name: string): number {
  return (declaration?.stages?.[stage]?.actions ?? []).findIndex((a) => a?.name === name);
}

const stagePath = (s: number): JsonPath => ["stages", s, "name"];
const actionPath = (s: number, a: number): JsonPath => ["stages", s, "actions", a, "name"];

/** The most specific place the message names: a member path, an action in its stage, an action, a stage; else the top. */
export function locateServerMessage(declaration: PipelineDeclaration | undefined, message: string): JsonPath {
  for (const [, memberPath] of matches(MEMBER_PATH, message)) {
    const path = fromMemberPath(memberPath);
    if (path) return path;
  }
  const pairs = [
    ...matches(ACTION_IN_STAGE, message).map(([, action, stage]) => ({ action, stage })),
    ...matches(STAGE_AND_ACTION, message).map(([, stage, action]) => ({ action, stage })),
  ];
  for (const { action, stage } of pairs) {
    const s = stageIndex(declaration, stage);
    const a = s >= 0 ? actionIndex(declaration, s, action) : -1;
    if (a >= 0) return actionPath(s, a);
  }
  const stages = matches(STAGE, message)
    .map(([, name]) => stageIndex(declaration, name))
    .filter((s) => s >= 0);
  const actions = matches(ACTION, message).map(([, name]) => name);
  // An action of a stage the message also names, else the first stage holding a named action, else the stage.
  for (const s of stages) {
    for (const name of actions) {
      const a = actionIndex(declaration, s, name);
      if (a >= 0) return actionPath(s, a);
    }
  }
  for (const name of actions) {
    const s = (declaration?.stages ?? []).findIndex((_, i) => actionIndex(declaration, i, name) >= 0);
    if (s >= 0) return actionPath(s, actionIndex(declaration, s, name));
  }
  return stages.length > 0 ? stagePath(stages[0]) : [];
}

/** "2 validation errors detected: Value … ; Value …": one message per value, each placed on its own. */
function splitValidationErrors(message: string): string[] {
  const detected = /^\d+ validation errors? detected: /.exec(message);
  return detected ? message.slice(detected[0].length).split(/; (?=Value )/) : [message];
}

/** The problems the editor shows for a refusal: once, where the message says, in the service's own words. */
export function refusalProblems(declaration: PipelineDeclaration | undefined, error: { name: string; message: string }): DefinitionProblem[] {
  return splitValidationErrors(error.message).map((message) => ({
    path: locateServerMessage(declaration, message),
    message: `CodePipeline refused it: ${error.name}: ${message}`,
  }));
}
