import type { ActionTypeDeclaration, ActionTypeUrls } from "@aws-sdk/client-codepipeline";
import { customActionType } from "../engine/action-types";
import { ActionTypeNotFoundException } from "../errors";
import { regionOf } from "../state/world";
import { scope } from "./context";
import type { Handler } from "./types";

/** Custom action types, described as job-worker action types polled from the caller's account. */
export const handleGetActionType: Handler<"GetActionType"> = (input, ctx) => {
  const region = regionOf(ctx.engine.world, scope(ctx));
  const found =
    input.owner === "Custom" ? region.customActionTypes.find((t) => t.category === input.category && t.provider === input.provider && t.version === input.version) : undefined;
  if (!found) {
    throw new ActionTypeNotFoundException(
      `ActionType (Category: '${input.category}', Provider: '${input.provider}', Owner: '${input.owner}', Version: '${input.version}') does not exist`,
    );
  }
  const t = customActionType(found);
  const s = t.settings ?? {};
  const urls: ActionTypeUrls = {
    ...(s.thirdPartyConfigurationUrl && { configurationUrl: s.thirdPartyConfigurationUrl }),
    ...(s.entityUrlTemplate && { entityUrlTemplate: s.entityUrlTemplate }),
    ...(s.executionUrlTemplate && { executionUrlTemplate: s.executionUrlTemplate }),
    ...(s.revisionUrlTemplate && { revisionUrlTemplate: s.revisionUrlTemplate }),
  };
  const actionType: ActionTypeDeclaration = {
    executor: { type: "JobWorker", configuration: { jobWorkerExecutorConfiguration: { pollingAccounts: [region.accountId] } } },
    id: { category: t.id!.category!, owner: "Custom", provider: t.id!.provider!, version: t.id!.version! },
    inputArtifactDetails: t.inputArtifactDetails!,
    outputArtifactDetails: t.outputArtifactDetails!,
    properties: (t.actionConfigurationProperties ?? []).map((p) => ({
      name: p.name!,
      optional: !p.required,
      key: !!p.key,
      noEcho: !!p.secret,
      ...(p.queryable !== undefined && { queryable: p.queryable }),
      ...(p.description && { description: p.description }),
    })),
    ...(Object.keys(urls).length && { urls }),
  };
  return { actionType };
};
