import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useSources } from "../../../lib/sources/source-context";
import type { Source } from "../../../lib/aws/source";
import { Since } from "../../../components/since";
import { shortId, shortPrincipal } from "../../../core/approvals/decision";
import { approvalRunsQuery } from "../../../lib/aws/approval-queries";
import { useInViewport } from "../../../lib/polling/use-on-screen";
import { paths } from "../../../lib/paths";
import type { SourcedPipeline } from "../lib/known-pipelines";
import { linkClass, mutedText } from "../../../components/styles";

interface Row {
  source: Source;
  pipelineName: string;
  detail: ActionExecutionDetail;
}

function combine(results: UseQueryResult<ActionExecutionDetail[]>[]) {
  return { data: results.map((r) => r.data), pending: results.some((r) => r.isPending) };
}

/**
 * Decisions with who (`updatedBy`), comment and time, from ListActionExecutions of pipelines with approvals,
 * each read through its own source (a "Source" column says which when there is more than one).
 */
export function RecentDecisions({
  pipelines,
  limit = 20,
  headingLevel = 2,
  only,
  whenSeen = false,
}: {
  pipelines: SourcedPipeline[];
  limit?: number;
  headingLevel?: 2 | 3;
  /** One action only (the deep-link page). */
  only?: { stageName: string; actionName: string };
  /**
   * Read once the section has come into the viewport (the deep link's, below its card): on a phone the first
   * screen is the card's alone, and a page of action runs (about 150 kB to parse) costs it its first seconds.
   */
  whenSeen?: boolean;
}) {
  const labelled = useSources().length > 1;
  const section = useRef<HTMLElement>(null);
  const inViewport = useInViewport(section);
  // Once seen, read for good: scrolling back up must not stop the reads.
  const [seen, setSeen] = useState(!whenSeen);
  if (inViewport && !seen) setSeen(true);
  const read = pipelines.slice(0, 25);
  const results = useQueries({
    queries: read.map(({ source, name }) => ({ ...approvalRunsQuery(source, name, "on-screen"), enabled: seen })),
    combine,
  });
  const rows: Row[] = read
    .flatMap(({ source, name }, i) => (results.data[i] ?? []).map((detail) => ({ source, pipelineName: name, detail })))
    .filter((r) => r.detail.status === "Succeeded" || r.detail.status === "Failed")
    .filter((r) => !only || (r.detail.stageName === only.stageName && r.detail.actionName === only.actionName))
    .sort((a, b) => (b.detail.lastUpdateTime?.getTime() ?? 0) - (a.detail.lastUpdateTime?.getTime() ?? 0))
    .slice(0, limit);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  return (
    <section ref={section} aria-labelledby="recently-decided" className="mt-10">
      <Heading id="recently-decided" className="text-xl font-semibold">
        Recently decided
      </Heading>
      {rows.length === 0 ? (
        <p className={`mt-2 text-sm ${mutedText}`}>{results.pending ? "Loading…" : "No decisions recorded yet for these pipelines."}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="stack-on-phone w-full text-left text-sm">
            <thead className="border-b border-zinc-300 dark:border-zinc-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Approval</th>
                {labelled && <th scope="col" className="py-2 pr-4 font-semibold">Source</th>}
                <th scope="col" className="py-2 pr-4 font-semibold">Decision</th>
                <th scope="col" className="py-2 pr-4 font-semibold">By</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Comment</th>
                <th scope="col" className="py-2 pr-4 font-semibold">When</th>
                <th scope="col" className="py-2 font-semibold">Execution</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ source, pipelineName, detail }) => {
                const timedOut = detail.status === "Failed" && !detail.updatedBy;
                const label = detail.status === "Succeeded" ? "Approved" : timedOut ? "Timed out" : "Rejected";
                const tone =
                  detail.status === "Succeeded" ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300";
                return (
                  <tr key={`${source.id} ${detail.actionExecutionId ?? `${pipelineName}-${detail.pipelineExecutionId}`}`} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                    <td className="py-2 pr-4 [overflow-wrap:anywhere]">
                      <Link to={paths.approval.href(source, pipelineName, detail.stageName ?? "", detail.actionName ?? "")} className={linkClass}>
                        {pipelineName} › {detail.stageName} › {detail.actionName}
                      </Link>
                    </td>
                    {labelled && <td className="py-2 pr-4 whitespace-nowrap">{source.label}</td>}
                    <td className={`py-2 pr-4 font-semibold ${tone}`}>{label}</td>
                    <td className="py-2 pr-4 break-all" title={detail.updatedBy}>
                      {detail.updatedBy ? shortPrincipal(detail.updatedBy) : <span className={mutedText}>—</span>}
                    </td>
                    <td className="py-2 pr-4 break-words">{detail.output?.executionResult?.externalExecutionSummary || <span className={mutedText}>—</span>}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{detail.lastUpdateTime ? <Since date={detail.lastUpdateTime} /> : "—"}</td>
                    <td className="py-2 font-mono" title={detail.pipelineExecutionId}>
                      {detail.pipelineExecutionId ? shortId(detail.pipelineExecutionId) : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
