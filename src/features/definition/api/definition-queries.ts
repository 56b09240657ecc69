import { ListTagsForResourceCommand, type Tag } from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { codepipelineKeys } from "../../../lib/aws/codepipeline-queries";
import type { Source } from "../../../lib/aws/source";
import { pipelineDeclarationQuery } from "../../pipeline/api/pipeline-queries";

/** Keys under the pipeline's key (source → pipeline → …), so invalidating the pipeline refreshes them too. */
export const definitionKeys = {
  tags: (source: Source, name: string, arn: string | undefined) => [...codepipelineKeys.pipeline(source, name), "tags", arn] as const,
};

/**
 * GetPipeline for `version` (undefined = current). The pipeline page's factory, so the Definition tab
 * and the graph share one cache entry per version.
 */
export const definitionQuery = pipelineDeclarationQuery;

/**
 * The current declaration read fresh from CodePipeline: the version check before a save must not trust
 * a cached answer.
 */
export function freshDefinitionQuery(source: Source, name: string) {
  return { ...pipelineDeclarationQuery(source, name, undefined), staleTime: 0 };
}

/** ListTagsForResource, every page. Needs the ARN, which GetPipeline's metadata gives. */
export function pipelineTagsQuery(source: Source, name: string, arn: string | undefined) {
  return queryOptions({
    queryKey: definitionKeys.tags(source, name, arn),
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
    staleTime: 60_000,
  });
}
