import type { ArtifactRevision, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { parseRevisionSummary } from "../revision";
import { actionNodeId } from "./layout";
import type { StatusView } from "./status-view";

/**
 * Source revisions of one past execution, for its graph. GetPipelineExecution names each revision by
 * the artifact it was written to, not by action, so the declaration (at the execution's version)
 * says which source action produced which artifact. GetPipelineState cannot be used: it shows the
 * revisions of the latest run, not of this execution.
 */
export function withExecutionRevisions(
  status: StatusView,
  declaration: PipelineDeclaration | undefined,
  artifactRevisions: readonly ArtifactRevision[] | undefined,
): { status: StatusView; revisionMessages: Map<string, string> } {
  const byArtifact = new Map((artifactRevisions ?? []).filter((r) => r.name).map((r) => [r.name!, r]));
  const actions = new Map(status.actions);
  const revisionMessages = new Map<string, string>();
  for (const stage of declaration?.stages ?? []) {
    for (const action of stage.actions ?? []) {
      if (action.actionTypeId?.category !== "Source" || !stage.name || !action.name) continue;
      const revision = (action.outputArtifacts ?? []).map((a) => byArtifact.get(a.name ?? "")).find((r) => r?.revisionId);
      if (!revision) continue;
      const id = actionNodeId(stage.name, action.name);
      actions.set(id, {
        ...actions.get(id),
        revision: { revisionId: revision.revisionId, revisionChangeId: revision.revisionChangeIdentifier, created: revision.created },
        revisionUrl: revision.revisionUrl,
      });
      const message = parseRevisionSummary(revision.revisionSummary).message;
      if (message) revisionMessages.set(action.name, message);
    }
  }
  return { status: { stages: status.stages, actions }, revisionMessages };
}
