import type { Source } from "../../../lib/aws/source";
import { pipelineDeclarationQuery } from "../../pipeline/api/pipeline-queries";

/**
 * The current declaration read fresh from CodePipeline: the version check before a save must not trust
 * a cached answer.
 */
export function freshDefinitionQuery(source: Source, name: string) {
  return { ...pipelineDeclarationQuery(source, name, undefined), staleTime: 0 };
}

