import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration,
  type Tag,
} from "@aws-sdk/client-codepipeline";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSource } from "../sources/source-context";
import { codepipelineKeys } from "./query-keys";

/**
 * A new version changes everything about the pipeline (layout, state, and running executions are
 * cancelled), and the list shows the version: refresh the pipeline's whole key and the list.
 */
export function useUpdatePipeline(name: string) {
  const source = useSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pipeline: PipelineDeclaration) =>
      source.send((client, abortSignal) => client.send(new UpdatePipelineCommand({ pipeline }), { abortSignal }), { pipelineName: name }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: codepipelineKeys.pipeline(source, name) }),
        queryClient.invalidateQueries({ queryKey: codepipelineKeys.pipelines(source) }),
      ]),
  });
}

export function useCreatePipeline() {
  const source = useSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { pipeline: PipelineDeclaration; tags?: Tag[] }) =>
      source.send(
        (client, abortSignal) => client.send(new CreatePipelineCommand({ pipeline: input.pipeline, tags: input.tags?.length ? input.tags : undefined }), { abortSignal }),
        {},
      ),
    // A name can be reused after a delete: drop anything cached under it before the new pipeline is shown.
    onSuccess: (_output, input) => queryClient.removeQueries({ queryKey: codepipelineKeys.pipeline(source, input.pipeline.name ?? "") }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: codepipelineKeys.pipelines(source) }),
  });
}

/**
 * `onDeleted` (leave the page) runs before the pipeline's queries are dropped: dropped first, the page
 * would refetch, find nothing and unmount the dialog mid-way, so a component-level callback never ran.
 */
export function useDeletePipeline(name: string, onDeleted: () => void) {
  const source = useSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => source.send((client, abortSignal) => client.send(new DeletePipelineCommand({ name }), { abortSignal }), { pipelineName: name }),
    onSuccess: () => {
      onDeleted();
      queryClient.removeQueries({ queryKey: codepipelineKeys.pipeline(source, name) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: codepipelineKeys.pipelines(source) }),
  });
}
