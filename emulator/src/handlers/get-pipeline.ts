import { PipelineVersionNotFoundException } from "../errors";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleGetPipeline: Handler<"GetPipeline"> = (input, ctx) => {
  const p = pipeline(ctx, input.name!);
  const version = input.version ?? p.versions.length;
  const declaration = p.versions[version - 1];
  if (!declaration) throw new PipelineVersionNotFoundException(`Pipeline '${p.name}' does not have version ${version}; the latest version is ${p.versions.length}`);
  return {
    pipeline: structuredClone(declaration),
    metadata: { pipelineArn: p.arn, created: new Date(p.created), updated: new Date(p.updated) },
  };
};
