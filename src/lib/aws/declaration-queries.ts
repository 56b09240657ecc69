import { GetPipelineCommand, ListTagsForResourceCommand, type GetPipelineOutput, type Tag } from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { pollingPolicy, type Presence } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/** A pipeline's declaration and tags: the pipeline page, the definition tab, the inbox and the wall read them, never the overview. */

/**
 * GetPipeline for one version (from GetPipelineState.pipelineVersion): a version never changes, so
 * it is fetched once and the layout stays put while statuses poll. Without a version: the latest, which is
 * also its version's answer. A page that cannot wait for the state's version (the approval deep link on a
 * phone) asks for the latest alongside the state, and the versioned read then waits for that answer instead of
 * sending a second GetPipeline one round trip later.
 */
export function pipelineDeclarationQuery(source: Source, name: string, version: number | undefined, presence: Presence = "on-screen") {
  const read = (v: number | undefined, signal: AbortSignal) =>
    source.send((client, abortSignal) => client.send(new GetPipelineCommand({ name, version: v }), { abortSignal }), { signal, pipelineName: name });
  return queryOptions({
    queryKey: codepipelineKeys.declaration(source, name, version),
    queryFn: async ({ signal, client }): Promise<GetPipelineOutput> => {
      const latestKey = codepipelineKeys.declaration(source, name, undefined);
      if (version === undefined) {
        const latest = await read(undefined, signal);
        const versionKey = codepipelineKeys.declaration(source, name, latest.pipeline?.version);
        if (latest.pipeline?.version !== undefined && client.getQueryData(versionKey) === undefined) client.setQueryData(versionKey, latest);
        return latest;
      }
      if (client.getQueryState(latestKey)?.fetchStatus === "fetching") {
        // Joins the read on its way (fetchQuery shares an in-flight fetch); a failed or other version reads its own.
        const latest = await client.fetchQuery(pipelineDeclarationQuery(source, name, undefined)).catch(() => undefined);
        if (latest?.pipeline?.version === version) return latest;
      }
      return read(version, signal);
    },
    ...pollingPolicy.declaration(presence, version),
  });
}

/**
 * The current declaration read fresh from CodePipeline: the version check before a save must not trust
 * a cached answer.
 */
export function freshDeclarationQuery(source: Source, name: string) {
  return { ...pipelineDeclarationQuery(source, name, undefined), staleTime: 0 };
}

/** ListTagsForResource, every page. Needs the ARN, which GetPipeline's metadata gives. */
export function pipelineTagsQuery(source: Source, name: string, arn: string | undefined, presence: Presence = "on-screen") {
  return queryOptions({
    queryKey: codepipelineKeys.tags(source, name, arn),
    queryFn: async ({ signal }): Promise<Tag[]> => {
      const tags: Tag[] = [];
      let nextToken: string | undefined;
      do {
        const page = await source.send(
          (client, abortSignal) => client.send(new ListTagsForResourceCommand({ resourceArn: arn, nextToken }), { abortSignal }),
          { signal, pipelineName: name },
        );
        tags.push(...(page.tags ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return tags;
    },
    enabled: arn !== undefined,
    ...pollingPolicy.tags(presence),
  });
}
