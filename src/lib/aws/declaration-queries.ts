import { GetPipelineCommand, ListTagsForResourceCommand, type Tag } from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { pollingPolicy, type Presence } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/** A pipeline's declaration and tags: the pipeline page, the definition tab, the inbox and the wall read them, never the overview. */

/**
 * GetPipeline for one version (from GetPipelineState.pipelineVersion): a version never changes, so
 * it is fetched once and the layout stays put while statuses poll.
 */
export function pipelineDeclarationQuery(source: Source, name: string, version: number | undefined, presence: Presence = "on-screen") {
  return queryOptions({
    queryKey: codepipelineKeys.declaration(source, name, version),
    queryFn: ({ signal }) =>
      source.send((client, abortSignal) => client.send(new GetPipelineCommand({ name, version }), { abortSignal }), {
        signal,
        pipelineName: name,
      }),
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
