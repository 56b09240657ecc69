import {
  ListDeployActionExecutionTargetsCommand,
  ListRuleExecutionsCommand,
  ListRuleTypesCommand,
  type DeployActionExecutionTarget,
  type RuleExecutionDetail,
  type RuleType,
} from "@aws-sdk/client-codepipeline";
import type { Build } from "@aws-sdk/client-codebuild";
import { queryOptions, skipToken } from "@tanstack/react-query";
import { pollingPolicy } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/**
 * The CodePipeline reads of the action details and the rule results: ListRuleExecutions, ListRuleTypes,
 * ListDeployActionExecutionTargets. (CodeBuild and CloudWatch Logs: build-log-queries.ts, loaded with the details.)
 */

/** Every rule run of one execution (all pages), polled while the execution runs. */
export function ruleExecutionsQuery(source: Source, name: string, executionId: string, running: boolean) {
  return queryOptions({
    queryKey: codepipelineKeys.ruleExecutions(source, name, executionId),
    queryFn: async ({ signal }): Promise<RuleExecutionDetail[]> => {
      const details: RuleExecutionDetail[] = [];
      let nextToken: string | undefined;
      do {
        const page = await source.send(
          (client, abortSignal) =>
            client.send(new ListRuleExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: executionId }, maxResults: 100, nextToken }), { abortSignal }),
          { signal, pipelineName: name },
        );
        details.push(...(page.ruleExecutionDetails ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return details;
    },
    ...pollingPolicy.runDetail(source.polling, running),
  });
}

/** The rule types of the source's region (provider names, configuration properties and which are secret). */
export function ruleTypesQuery(source: Source) {
  return queryOptions({
    queryKey: codepipelineKeys.ruleTypes(source),
    queryFn: async ({ signal }): Promise<RuleType[]> => {
      const out = await source.send((client, abortSignal) => client.send(new ListRuleTypesCommand({}), { abortSignal }), { signal });
      return out.ruleTypes ?? [];
    },
    ...pollingPolicy.ruleTypes(),
  });
}

/** The targets of one deploy action run (all pages), polled while it runs. */
export function deployTargetsQuery(source: Source, name: string, actionExecutionId: string, running: boolean) {
  return queryOptions({
    queryKey: codepipelineKeys.deployTargets(source, name, actionExecutionId),
    queryFn: async ({ signal }): Promise<DeployActionExecutionTarget[]> => {
      const targets: DeployActionExecutionTarget[] = [];
      let nextToken: string | undefined;
      do {
        const page = await source.send(
          (client, abortSignal) =>
            client.send(new ListDeployActionExecutionTargetsCommand({ pipelineName: name, actionExecutionId, maxResults: 100, nextToken }), { abortSignal }),
          { signal, pipelineName: name },
        );
        targets.push(...(page.targets ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return targets;
    },
    ...pollingPolicy.runDetail(source.polling, running),
  });
}

/**
 * A CodeBuild build only if someone already read it (the details view): the graph reads the cache, never
 * CodeBuild, and shows the failed phase's message when that is clearer than the action's.
 */
export function knownBuildQuery(source: Source, name: string, buildId: string | undefined) {
  return queryOptions<Build | null>({
    queryKey: codepipelineKeys.build(source, name, buildId ?? ""),
    queryFn: skipToken,
  });
}
