import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { useMemo } from "react";
import { diffDeclarations, describeChange, type DefinitionChange } from "../../../core/definition/diff";

const KIND_LABEL: Record<DefinitionChange["kind"], string> = { added: "Added", removed: "Removed", changed: "Changed" };
const KIND_STYLE: Record<DefinitionChange["kind"], string> = {
  added: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  removed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  changed: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
};

/** The structural diff as a list: the kind is written out, never only coloured. */
export function DefinitionDiff({ before, after, label }: { before: PipelineDeclaration; after: PipelineDeclaration; label: string }) {
  const changes = useMemo(() => diffDeclarations(before, after), [before, after]);
  return (
    <section aria-label={label} className="text-sm">
      <h2 className="font-semibold">{label}</h2>
      {changes.length === 0 ? (
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">No differences in stages, actions or settings.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1">
          {changes.map((change, i) => (
            <li key={i} className="flex items-start gap-2">
              <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-semibold ${KIND_STYLE[change.kind]}`}>{KIND_LABEL[change.kind]}</span>
              <span className="break-all font-mono text-[0.8rem]">{describeChange(change)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
