import type { ActionOwner, ActionType, ActionTypeDeclaration } from "@aws-sdk/client-codepipeline";
import { ActionTypeNotFoundException, ValidationException } from "../errors";
import type { RegionRecord } from "../state/records";
import { regionOf, type Scope, scopeKey } from "../state/world";
import type { Engine } from "./engine";

/*
 * Action types of CodePipeline's integration model: a provider's own action types (owner ThirdParty,
 * or AWS), run by a Lambda function or a job worker, which the provider reads with GetActionType and
 * changes with UpdateActionType. On AWS they are created by request to AWS, so here a scenario
 * declares them (`actionTypes`). Custom actions (owner Custom) are the other kind: CreateCustomActionType.
 */

type Id = { category?: string; owner?: string; provider?: string; version?: string };

const sameId = (a: Id, b: Id) => a.category === b.category && a.owner === b.owner && a.provider === b.provider && a.version === b.version;

const describe = (id: Id) => `ActionType (Category: '${id.category}', Provider: '${id.provider}', Owner: '${id.owner}', Version: '${id.version}')`;

export function findDeclaredActionType(region: RegionRecord | undefined, id: Id): ActionTypeDeclaration | undefined {
  return region?.actionTypeDeclarations?.find((t) => sameId(t.id!, id));
}

export function requireDeclaredActionType(e: Engine, scope: Scope, id: Id): ActionTypeDeclaration {
  const found = findDeclaredActionType(e.world.regions[scopeKey(scope)], id);
  if (!found) throw new ActionTypeNotFoundException(`${describe(id)} does not exist`);
  return found;
}

function check(declaration: ActionTypeDeclaration): void {
  const { executor, inputArtifactDetails: inputs, outputArtifactDetails: outputs } = declaration;
  if (executor!.type === "Lambda" && !executor!.configuration!.lambdaExecutorConfiguration) {
    throw new ValidationException("An action type with executor type Lambda needs executor.configuration.lambdaExecutorConfiguration.");
  }
  if (executor!.type === "JobWorker" && !executor!.configuration!.jobWorkerExecutorConfiguration) {
    throw new ValidationException("An action type with executor type JobWorker needs executor.configuration.jobWorkerExecutorConfiguration.");
  }
  for (const [name, details] of [["inputArtifactDetails", inputs], ["outputArtifactDetails", outputs]] as const) {
    if (details!.minimumCount! > details!.maximumCount!) throw new ValidationException(`${name}.minimumCount must not be more than ${name}.maximumCount.`);
  }
  const names = (declaration.properties ?? []).map((p) => p.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new ValidationException(`Action type property ${repeated} is declared more than once.`);
}

/** A scenario's `actionTypes`: the types this provider account has. */
export function declareActionType(e: Engine, scope: Scope, declaration: ActionTypeDeclaration): void {
  check(declaration);
  const region = regionOf(e.world, scope);
  region.actionTypeDeclarations = [...(region.actionTypeDeclarations ?? []).filter((t) => !sameId(t.id!, declaration.id!)), structuredClone(declaration)];
  e.changed();
}

/** UpdateActionType: the whole declaration is replaced; the type must exist. */
export function updateActionType(e: Engine, scope: Scope, declaration: ActionTypeDeclaration): void {
  requireDeclaredActionType(e, scope, declaration.id!);
  declareActionType(e, scope, declaration);
}

/** How ListActionTypes shows a declared type. */
export function declaredActionType(t: ActionTypeDeclaration): ActionType {
  const urls = t.urls ?? {};
  return {
    id: { category: t.id!.category, owner: t.id!.owner as ActionOwner, provider: t.id!.provider, version: t.id!.version },
    settings: {
      ...(urls.configurationUrl && { thirdPartyConfigurationUrl: urls.configurationUrl }),
      ...(urls.entityUrlTemplate && { entityUrlTemplate: urls.entityUrlTemplate }),
      ...(urls.executionUrlTemplate && { executionUrlTemplate: urls.executionUrlTemplate }),
      ...(urls.revisionUrlTemplate && { revisionUrlTemplate: urls.revisionUrlTemplate }),
    },
    actionConfigurationProperties: (t.properties ?? []).map((p) => ({
      name: p.name!,
      required: !p.optional,
      key: !!p.key,
      secret: !!p.noEcho,
      ...(p.queryable !== undefined && { queryable: p.queryable }),
      ...(p.description && { description: p.description }),
    })),
    inputArtifactDetails: { ...t.inputArtifactDetails! },
    outputArtifactDetails: { ...t.outputArtifactDetails! },
  };
}
