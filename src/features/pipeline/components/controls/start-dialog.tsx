import { useId, useState } from "react";
import type { PipelineDeclaration, SourceRevisionType } from "@aws-sdk/client-codepipeline";
import { useStartExecution } from "../../../../lib/aws/pipeline-mutations";
import { ControlDialog } from "../../../../components/control-dialog";
import { inputClass, primaryButton } from "../../../../components/styles";

const REVISION_TYPES: SourceRevisionType[] = ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"];

function defaultRevisionType(provider: string | undefined): SourceRevisionType {
  if (provider === "ECR") return "IMAGE_DIGEST";
  if (provider === "S3") return "S3_OBJECT_VERSION_ID";
  return "COMMIT_ID";
}

/** Release change: StartPipelineExecution with optional V2 variables and source revision overrides. */
export function StartDialog({ declaration, onClose, onStarted }: { declaration: PipelineDeclaration; onClose(): void; onStarted?(executionId: string): void }) {
  const pipelineName = declaration.name ?? "";
  const mutation = useStartExecution(pipelineName);
  // One token per dialog opening: double clicks and SDK retries re-send it, so only one execution starts.
  const [clientRequestToken] = useState(() => crypto.randomUUID());
  const isV2 = declaration.pipelineType === "V2";
  const declared = isV2 ? (declaration.variables ?? []) : [];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(declared.map((v) => [v.name ?? "", v.defaultValue ?? ""])));
  const sources = isV2
    ? (declaration.stages ?? []).flatMap((s) => (s.actions ?? []).filter((a) => a.actionTypeId?.category === "Source"))
    : [];
  const [overrides, setOverrides] = useState<Record<string, { type: SourceRevisionType; value: string }>>(() =>
    Object.fromEntries(sources.map((a) => [a.name ?? "", { type: defaultRevisionType(a.actionTypeId?.provider), value: "" }])),
  );
  const baseId = useId();
  const tooLong = Object.entries(values).find(([, v]) => v.length > 1000);

  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Release change in ${pipelineName}`}
      description={
        <p>
          Starts a new execution of <strong>{pipelineName}</strong> with the latest source revisions
          {isV2 ? ", unless you override them below" : ""}.
        </p>
      }
      error={mutation.error ?? (tooLong ? new Error(`Variable ${tooLong[0]} is longer than 1000 characters.`) : undefined)}
      onSubmit={() => {
        if (tooLong) return;
        mutation.submit(
          {
            clientRequestToken,
            variables: declared
              .filter((v) => v.name && values[v.name] !== "")
              .map((v) => ({ name: v.name!, value: values[v.name!] })),
            sourceRevisions: Object.entries(overrides)
              .filter(([, o]) => o.value.trim() !== "")
              .map(([actionName, o]) => ({ actionName, revisionType: o.type, revisionValue: o.value.trim() })),
          },
          (out) => {
            onClose();
            if (out.pipelineExecutionId) onStarted?.(out.pipelineExecutionId);
          },
        );
      }}
      footer={
        <button type="submit" className={primaryButton} disabled={mutation.isPending || mutation.isSuccess}>
          {mutation.isPending ? "Starting…" : "Release change"}
        </button>
      }
    >
      {declared.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Pipeline variables</legend>
          {declared.map((v, i) => (
            <div key={v.name} className="flex flex-col gap-0.5">
              <label htmlFor={`${baseId}-var-${i}`} className="font-mono text-sm">
                {v.name}
              </label>
              <input
                id={`${baseId}-var-${i}`}
                className={inputClass}
                value={values[v.name ?? ""] ?? ""}
                onChange={(e) => setValues((prev) => ({ ...prev, [v.name ?? ""]: e.target.value }))}
                aria-describedby={v.description ? `${baseId}-var-${i}-d` : undefined}
              />
              {v.description && (
                <span id={`${baseId}-var-${i}-d`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {v.description}
                </span>
              )}
            </div>
          ))}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Pre-filled with the declared defaults; an empty value uses the default.</p>
        </fieldset>
      )}
      {sources.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Source revision overrides (optional)</legend>
          {sources.map((a, i) => {
            const key = a.name ?? "";
            const o = overrides[key];
            return (
              <div key={key} className="grid grid-cols-[1fr_auto] gap-1">
                <label htmlFor={`${baseId}-rev-${i}`} className="col-span-2 text-sm">
                  Revision for <span className="font-mono">{key}</span>
                </label>
                <input
                  id={`${baseId}-rev-${i}`}
                  className={`${inputClass} font-mono`}
                  placeholder="latest"
                  value={o?.value ?? ""}
                  onChange={(e) => setOverrides((prev) => ({ ...prev, [key]: { ...prev[key], value: e.target.value } }))}
                />
                <select
                  aria-label={`Revision type for ${key}`}
                  className={inputClass}
                  value={o?.type}
                  onChange={(e) => setOverrides((prev) => ({ ...prev, [key]: { ...prev[key], type: e.target.value as SourceRevisionType } }))}
                >
                  {REVISION_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      )}
    </ControlDialog>
  );
}
