import type { ExecutionTrigger, TriggerType } from "@aws-sdk/client-codepipeline";
import { sourceTriggerType } from "../scenario/source-trigger";
import type { PipelineRecord } from "../state/records";
import { currentDeclaration, scopeKey } from "../state/world";
import type { Engine } from "./engine";

/*
 * What starts a scenario's executions, as AWS records it in `trigger`: a change in the source comes
 * as the trigger its source provider sends (a connection's WebhookV2, a GitHub webhook's Webhook, an
 * EventBridge rule's CloudWatchEvent), with the connection, webhook or rule ARN as trigger detail; a
 * person's start names that person (a user or role ARN).
 */

/** The trigger detail AWS gives each kind of trigger; `by` for those a person starts. */
export function triggerDetail(e: Engine, p: PipelineRecord, type: TriggerType, by: string): string {
  const declaration = currentDeclaration(p);
  const sources = declaration.stages![0].actions!;
  switch (type) {
    case "WebhookV2": {
      const named = declaration.triggers?.[0]?.gitConfiguration?.sourceActionName;
      const source = sources.find((a) => a.name === named && a.configuration?.ConnectionArn) ?? sources.find((a) => a.configuration?.ConnectionArn);
      return source?.configuration?.ConnectionArn ?? `arn:aws:codeconnections:${p.region}:${p.accountId}:connection/${p.name}`;
    }
    case "Webhook": {
      const webhook = Object.values(e.world.regions[scopeKey(p)]?.webhooks ?? {}).find((w) => w.definition.targetPipeline === p.name);
      return webhook?.arn ?? `arn:aws:codepipeline:${p.region}:${p.accountId}:webhook:${p.name}--${sources[0].name}`;
    }
    case "CloudWatchEvent":
      return `arn:aws:events:${p.region}:${p.accountId}:rule/codepipeline-${p.name}-source-change`;
    case "PollForSourceChanges":
      return sources[0].name!;
    default:
      return by;
  }
}

/** A scenario's trigger: the type it names (or the source's), and the detail it names (or AWS's for that type). */
export function scenarioTrigger(e: Engine, p: PipelineRecord, type: TriggerType | undefined, detail: string | undefined, by: string): ExecutionTrigger {
  const triggerType = type ?? sourceTriggerType(currentDeclaration(p));
  return { triggerType, triggerDetail: detail ?? triggerDetail(e, p, triggerType, by) };
}
