import type { ActionDeclaration, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import {
  InvalidActionDeclarationException,
  InvalidStageDeclarationException,
  InvalidStructureException,
} from "../errors";
import type { RegionRecord } from "../state/records";
import { findDeclaredActionType } from "./declared-action-types";
import { findAwsActionType } from "./action-types";

const MAX_STAGES = 50;
const MAX_ACTIONS_PER_STAGE = 50;

/**
 * The structure checks CreatePipeline and UpdatePipeline make beyond the model's own constraints
 * (which the wire layer has already checked). Returns the declaration with AWS's defaults filled in.
 */
export function validateDeclaration(declaration: PipelineDeclaration, region: RegionRecord): PipelineDeclaration {
  const stages = declaration.stages ?? [];
  const type = declaration.pipelineType ?? "V1";
  const mode = declaration.executionMode ?? "SUPERSEDED";

  if (!declaration.artifactStore && !declaration.artifactStores) {
    throw new InvalidStructureException("Pipeline must have an artifactStore or artifactStores.");
  }
  if (declaration.artifactStore && declaration.artifactStores) {
    throw new InvalidStructureException("Pipeline cannot have both artifactStore and artifactStores.");
  }
  if (stages.length < 2) {
    throw new InvalidStructureException(`Pipeline has only ${stages.length} stage(s). There should be a minimum of 2 stages in a pipeline`);
  }
  if (stages.length > MAX_STAGES) {
    throw new InvalidStructureException(`Pipeline has ${stages.length} stages. There should be a maximum of ${MAX_STAGES} stages in a pipeline`);
  }
  if (type === "V1") {
    if (mode !== "SUPERSEDED") throw new InvalidStructureException(`Execution mode ${mode} is only supported for pipeline type V2`);
    if (declaration.variables?.length) throw new InvalidStructureException("Pipeline variables are only supported for pipeline type V2");
    if (declaration.triggers?.length) throw new InvalidStructureException("Triggers are only supported for pipeline type V2");
    const conditional = stages.find((s) => s.beforeEntry || s.onSuccess || s.onFailure);
    if (conditional) throw new InvalidStructureException(`Stage ${conditional.name} uses stage conditions, which are only supported for pipeline type V2`);
  }
  const variableNames = new Set<string>();
  for (const v of declaration.variables ?? []) {
    if (variableNames.has(v.name!)) throw new InvalidStructureException(`Pipeline variable ${v.name} is declared more than once`);
    variableNames.add(v.name!);
  }

  const stageNames = new Set<string>();
  const actionNames = new Set<string>();
  const produced = new Set<string>();
  stages.forEach((stage, index) => {
    if (stageNames.has(stage.name!)) throw new InvalidStructureException(`Stage name ${stage.name} is used more than once in the pipeline`);
    stageNames.add(stage.name!);
    const actions = stage.actions ?? [];
    if (actions.length === 0) throw new InvalidStageDeclarationException(`Stage ${stage.name} should have at least one action`);
    if (actions.length > MAX_ACTIONS_PER_STAGE) {
      throw new InvalidStageDeclarationException(`Stage ${stage.name} has ${actions.length} actions. There should be a maximum of ${MAX_ACTIONS_PER_STAGE} actions in a stage`);
    }
    if (mode === "PARALLEL" && stage.onFailure?.result === "ROLLBACK") {
      throw new InvalidStageDeclarationException(`Stage ${stage.name} cannot roll back on failure: rollback is not supported in PARALLEL execution mode`);
    }
    const inStage = new Set<string>();
    const producedHere: string[] = [];
    // Artifacts flow across runOrder groups within a stage too, so check groups in order.
    const groups = [...new Set(actions.map(runOrderOf))].sort((a, b) => a - b);
    for (const order of groups) {
      const group = actions.filter((a) => runOrderOf(a) === order);
      for (const action of group) {
        if (inStage.has(action.name!)) throw new InvalidStageDeclarationException(`Action name ${action.name} is used more than once in stage ${stage.name}`);
        inStage.add(action.name!);
        if (action.namespace) {
          if (actionNames.has(`ns:${action.namespace}`)) {
            throw new InvalidActionDeclarationException(
              `Namespaces must be unique across the pipeline definition. The following occur more than once in the pipeline. StageName=[${stage.name}], ActionName=[${action.name}], Namespace=[${action.namespace}]`,
            );
          }
          actionNames.add(`ns:${action.namespace}`);
        }
        const category = action.actionTypeId!.category;
        if (index === 0 && category !== "Source") {
          throw new InvalidStructureException(`Stage ${stage.name} is the first stage and can only contain Source actions, but action ${action.name} is a ${category} action`);
        }
        if (index > 0 && category === "Source") {
          throw new InvalidStructureException(`Action ${action.name} in stage ${stage.name} is a Source action; Source actions are only allowed in the first stage`);
        }
        checkActionType(action, stage.name!, region);
        for (const input of action.inputArtifacts ?? []) {
          if (!produced.has(input.name!)) {
            throw new InvalidStructureException(`Input Artifact Bundle ${input.name} for action ${action.name} in stage ${stage.name} is not an output artifact of any action that runs before it`);
          }
        }
        for (const output of action.outputArtifacts ?? []) {
          if (produced.has(output.name!) || producedHere.includes(output.name!)) {
            throw new InvalidStructureException(`Output Artifact Bundle name ${output.name} is used by more than one action`);
          }
          producedHere.push(output.name!);
        }
      }
      for (const name of producedHere.splice(0)) produced.add(name);
    }
  });

  return { ...declaration, pipelineType: type, executionMode: mode };
}

export const runOrderOf = (action: ActionDeclaration): number => action.runOrder ?? 1;

function checkActionType(action: ActionDeclaration, stage: string, region: RegionRecord): void {
  const { category, owner, provider, version } = action.actionTypeId!;
  const describe = `ActionType (Category: '${category}', Provider: '${provider}', Owner: '${owner}', Version: '${version}') in action '${action.name}'`;
  let limits: { inputs: [number, number]; outputs: [number, number]; required: string[] } | undefined;
  const declared = findDeclaredActionType(region, action.actionTypeId!);
  if (declared) {
    limits = {
      inputs: [declared.inputArtifactDetails!.minimumCount!, declared.inputArtifactDetails!.maximumCount!],
      outputs: [declared.outputArtifactDetails!.minimumCount!, declared.outputArtifactDetails!.maximumCount!],
      required: (declared.properties ?? []).filter((p) => !p.optional).map((p) => p.name!),
    };
  } else if (owner === "AWS") {
    const known = version === "1" ? findAwsActionType(category!, provider!) : undefined;
    if (known) limits = { inputs: known.inputs, outputs: known.outputs, required: known.properties.filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1)) };
  } else if (owner === "Custom") {
    const custom = region.customActionTypes.find((t) => t.category === category && t.provider === provider && t.version === version);
    if (custom) {
      limits = {
        inputs: [custom.inputArtifactDetails.minimumCount, custom.inputArtifactDetails.maximumCount],
        outputs: [custom.outputArtifactDetails.minimumCount, custom.outputArtifactDetails.maximumCount],
        required: [],
      };
    }
  } else {
    return; // Partners' types are registered with AWS, not in the account: accept any the scenario did not declare.
  }
  if (!limits) throw new InvalidActionDeclarationException(`${describe} is not available in region '${region.region.toUpperCase().replace(/-/g, "_")}'`);
  const inputs = action.inputArtifacts?.length ?? 0;
  const outputs = action.outputArtifacts?.length ?? 0;
  if (inputs < limits.inputs[0] || inputs > limits.inputs[1]) {
    throw new InvalidActionDeclarationException(
      `Action '${action.name}' in stage '${stage}' has ${inputs} input artifact(s); ${provider} actions take between ${limits.inputs[0]} and ${limits.inputs[1]}`,
    );
  }
  if (outputs < limits.outputs[0] || outputs > limits.outputs[1]) {
    throw new InvalidActionDeclarationException(
      `Action '${action.name}' in stage '${stage}' has ${outputs} output artifact(s); ${provider} actions produce between ${limits.outputs[0]} and ${limits.outputs[1]}`,
    );
  }
  for (const key of limits.required) {
    if (!action.configuration?.[key]) {
      throw new InvalidActionDeclarationException(`Action configuration for action '${action.name}' is missing required configuration '${key}'`);
    }
  }
}
