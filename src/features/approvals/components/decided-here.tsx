import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { Link } from "react-router";
import { useSources } from "../../../lib/sources/source-context";
import { aftermathOf } from "../../../core/approvals/aftermath";
import { shortId } from "../../../core/approvals/decision";
import { Since } from "../../../components/since";
import { sourceOfDecision, type SourcedDecision } from "../../../lib/approvals/decisions-store";
import { paths } from "../../../lib/paths";
import { sourcedKey } from "../../../core/sourced-key";
import { linkClass, mutedText } from "../../../components/styles";

const tones = {
  progress: "border-sky-600/40 bg-sky-50 text-sky-950 dark:border-sky-400/40 dark:bg-sky-950 dark:text-sky-100",
  success: "border-emerald-600/40 bg-emerald-50 text-emerald-950 dark:border-emerald-400/40 dark:bg-emerald-950 dark:text-emerald-100",
  failed: "border-red-600/40 bg-red-50 text-red-950 dark:border-red-400/40 dark:bg-red-950 dark:text-red-100",
  pending: "border-zinc-400/50 bg-zinc-50 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100",
};

/**
 * Decisions made in this tab (30 minutes): each shows what the pipeline did next, instead of vanishing.
 * `states` is keyed by `sourcedKey(sourceId, pipelineName)`.
 */
export function DecidedHere({ decisions, states }: { decisions: SourcedDecision[]; states: Map<string, GetPipelineStateOutput | undefined> }) {
  const sources = useSources();
  const shown = decisions.flatMap((decision) => {
    const source = sourceOfDecision(decision, sources);
    return source ? [{ decision, source }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="decided-here" className="mt-8">
      <h2 id="decided-here" className="text-xl font-semibold">
        Decided here
      </h2>
      <ul className="mt-3 flex flex-col gap-2">
        {shown.map(({ decision: d, source }) => {
          const next = aftermathOf(states.get(sourcedKey(source.id, d.pipelineName)), d);
          return (
            <li key={sourcedKey(source.id, d.key)} className={`rounded-lg border px-4 py-3 text-sm ${tones[next.tone]}`}>
              <p>
                <Link to={paths.approval.href(source, d.pipelineName, d.stageName, d.actionName)} className={`font-semibold ${linkClass}`}>
                  {d.pipelineName} › {d.stageName} › {d.actionName}
                </Link>{" "}
                <span className="font-semibold">{d.decision === "approve" ? "approved" : "rejected"}</span>{" "}
                <Since date={new Date(d.at)} />
                {sources.length > 1 && <span className={mutedText}> · {source.label}</span>}
                {d.executionId && <span className={mutedText}> · execution {shortId(d.executionId)}</span>}
              </p>
              <p role="status" className="mt-1">
                {next.text}
              </p>
              {d.summary && <p className="mt-1 break-words">“{d.summary}”</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
