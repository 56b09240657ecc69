import type { ExecutionRecord, PipelineRecord } from "../state/records";
import { declarationOf } from "./execution";

/*
 * Variable references in action and rule configurations, resolved when the run starts, as AWS does:
 * `#{codepipeline.PipelineExecutionId}`, `#{variables.NAME}` (pipeline-level variables, V2) and
 * `#{Namespace.KEY}` (output variables of an action that declared that namespace and ran earlier in
 * this execution). A reference nothing answers leaves the run failing with AWS's message.
 */

const REFERENCE = /#\{([A-Za-z0-9@_-]+)\.([A-Za-z0-9@_-]+)\}/g;

export interface Resolution {
  resolved: Record<string, string>;
  /** References that nothing answered, as written (`#{BuildVariables.BUILD_ID}`). */
  unresolved: string[];
}

export function resolveConfiguration(p: PipelineRecord, x: ExecutionRecord, configuration: Record<string, string>): Resolution {
  const namespaces: Record<string, Record<string, string>> = {
    variables: Object.fromEntries(x.variables.map((v) => [v.name, v.value])),
    codepipeline: { PipelineExecutionId: x.id },
  };
  // A rollback runs one stage again with its target's revisions: the stages before it ran in the target.
  const target = x.rollbackTargetId ? p.executions[x.rollbackTargetId] : undefined;
  for (const stage of declarationOf(p, x).stages!) {
    const run = x.stages[stage.name!] ?? target?.stages[stage.name!];
    for (const action of stage.actions!) {
      const id = run?.actions[action.name!];
      const record = id ? p.actionExecutions[id] : undefined;
      if (action.namespace && record?.status === "Succeeded") namespaces[action.namespace] = record.outputVariables ?? {};
    }
  }
  const unresolved: string[] = [];
  const resolved = Object.fromEntries(
    Object.entries(configuration).map(([k, v]) => [
      k,
      v.replace(REFERENCE, (reference, ns: string, name: string) => {
        const value = namespaces[ns]?.[name];
        if (value === undefined) unresolved.push(reference);
        return value ?? reference;
      }),
    ]),
  );
  return { resolved, unresolved };
}

/** AWS's error for a run whose configuration references a variable that does not resolve. */
export const unresolvedError = (actionName: string) => ({
  code: "JobFailed",
  message: `An action in this pipeline failed because one or more variables could not be resolved: Action name=${actionName}.`,
});
