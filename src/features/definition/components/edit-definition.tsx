import type { GetPipelineOutput, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSource } from "../../../lib/sources/source-context";
import { checkDefinitionText, type DefinitionProblem } from "../../../core/definition/validate";
import { refusalProblems } from "../../../core/definition/server-refusal";
import { recentExecutionsQuery } from "../../../lib/aws/execution-queries";
import { ApiErrorMessage, ControlDialog } from "../../../components/control-dialog";
import { primaryButton, secondaryButton } from "../../../components/styles";
import { useUpdatePipeline } from "../../../lib/aws/definition-mutations";
import { freshDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { formatDeclaration, STRUCTURE_ERRORS } from "../lib/declaration-text";
import { DefinitionDiff } from "./definition-diff";
import { DefinitionEditorField } from "./definition-editor-field";
import { isRunning } from "../../../core/status";


type Conflict = { latest: PipelineDeclaration };

/**
 * Edit the declaration as JSON and save it as a new version. The version the editor opened at is
 * remembered: if someone saved since, the save is not sent and the diff of their change is shown.
 */
export function EditDefinition({ name, base, onClose }: { name: string; base: PipelineDeclaration; onClose(saved?: number): void }) {
  const source = useSource();
  const queryClient = useQueryClient();
  const update = useUpdatePipeline(name);
  const running = useQuery({ ...recentExecutionsQuery(source, name), select: (list) => list.filter((e) => isRunning(e.status)).length });
  const [start, setStart] = useState(base);
  const initialText = useMemo(() => formatDeclaration(start), [start]);
  const [text, setText] = useState(initialText);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [attempted, setAttempted] = useState(false);
  const checked = useMemo(() => checkDefinitionText(text, { extra: serverProblems }), [text, serverProblems]);
  const ownProblems = checked.problems.length - serverProblems.length;

  const edit = (next: string) => {
    setText(next);
    // The server's complaint was about the text it saw; once the text changes it may no longer hold.
    if (serverProblems.length) setServerProblems([]);
  };

  const save = async () => {
    setCheckError(null);
    let latest: GetPipelineOutput;
    try {
      latest = await queryClient.fetchQuery(freshDeclarationQuery(source, name));
    } catch (error) {
      setCheckError(error);
      return;
    }
    if (latest.pipeline && latest.pipeline.version !== start.version) {
      setConfirming(false);
      setConflict({ latest: latest.pipeline });
      return;
    }
    const declaration = { ...checked.declaration!, name, version: start.version };
    update.mutate(declaration, {
      onSuccess: (output) => {
        setConfirming(false);
        onClose(output.pipeline?.version);
      },
      onError: (error) => {
        if (!STRUCTURE_ERRORS.has(error.name)) return;
        setConfirming(false);
        setServerProblems(refusalProblems(declaration, error));
      },
    });
  };

  if (conflict) {
    return (
      <div className="flex flex-col gap-3">
        <div role="alert" className="rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">
            Not saved: {name} changed since you opened the editor. It is now at version {conflict.latest.version}; you started from version {start.version}.
          </p>
          <p>Saving would have overwritten that change. Here is what it changed; start again from the new version, or copy your JSON first to keep your edit.</p>
        </div>
        <DefinitionDiff before={start} after={conflict.latest} label={`Changes from version ${start.version} to version ${conflict.latest.version}`} />
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButton} onClick={() => void navigator.clipboard?.writeText(text)}>
            Copy my JSON
          </button>
          <button
            type="button"
            className={primaryButton}
            onClick={() => {
              setStart(conflict.latest);
              setText(formatDeclaration(conflict.latest));
              setConflict(null);
            }}
          >
            Start again from version {conflict.latest.version}
          </button>
          <button type="button" className={secondaryButton} onClick={() => onClose()}>
            Discard my edit
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Editing version {start.version}. Saving creates version {(start.version ?? 0) + 1}; the structure is checked here before anything is sent.
      </p>
      <DefinitionEditorField
        label={`Definition of ${name} (JSON)`}
        initialText={initialText}
        resetKey={`${name}:${start.version}`}
        text={text}
        problems={checked.problems}
        onChange={edit}
      />
      {/* Structure errors are already in the problem list, on the line they name. */}
      {update.error && !confirming && !STRUCTURE_ERRORS.has(update.error.name) && <ApiErrorMessage error={update.error} />}
      {attempted && ownProblems > 0 && (
        <p role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
          Not saved: fix the {ownProblems === 1 ? "problem" : `${ownProblems} problems`} listed above first.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={primaryButton}
          onClick={() => {
            setAttempted(true);
            if (ownProblems === 0 && checked.declaration) setConfirming(true);
          }}
        >
          Save as new version…
        </button>
        <button type="button" className={secondaryButton} onClick={() => onClose()}>
          Cancel editing
        </button>
      </div>
      <ControlDialog
        open={confirming}
        onOpenChange={(open) => !open && setConfirming(false)}
        title={`Save version ${(start.version ?? 0) + 1} of ${name}?`}
        description={
          <p>
            Updating a pipeline cancels its running executions.{" "}
            {running.data
              ? `${running.data === 1 ? "1 execution is" : `${running.data} executions are`} running now and will be cancelled.`
              : "No execution is running now."}
          </p>
        }
        error={update.error && !STRUCTURE_ERRORS.has(update.error.name) ? update.error : checkError}
        onSubmit={() => void save()}
        footer={
          <button type="submit" className={primaryButton} disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
        }
      />
    </div>
  );
}
