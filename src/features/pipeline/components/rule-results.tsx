import { useEffect, useMemo } from "react";
import { useLocation } from "react-router";
import { useQuery } from "@tanstack/react-query";
import type { PipelineDeclaration, RuleType } from "@aws-sdk/client-codepipeline";
import { ruleTimeline, type RuleRun } from "../../../core/run-details/rule-timeline";
import { formatDuration, formatExactTime } from "../../../core/format";
import { safeHref } from "../../../core/safe-link";
import { ruleExecutionsQuery, ruleTypesQuery } from "../../../lib/aws/run-detail-queries";
import { useSource } from "../../../lib/sources/source-context";
import { paths } from "../../../lib/paths";
import { StatusBadge } from "../../../components/status-badge";
import { linkClass, mutedText } from "../../../components/styles";
import { CONDITION_LABELS } from "./graph/stage-node";
import { QueryReadState } from "./run-details/read-problem";

const hasConditions = (declaration: PipelineDeclaration | undefined) => (declaration?.stages ?? []).some((s) => s.beforeEntry || s.onSuccess || s.onFailure);

/**
 * V2 stage conditions of one execution over time: each rule's runs (ListRuleExecutions) per stage and condition,
 * with its type (ListRuleTypes), status, summary, error, times, resolved configuration, and who overrode it.
 */
export function RuleResults({ pipelineName, executionId, declaration, running }: { pipelineName: string; executionId: string; declaration?: PipelineDeclaration; running: boolean }) {
  const source = useSource();
  const declared = hasConditions(declaration);
  const runs = useQuery({ ...ruleExecutionsQuery(source, pipelineName, executionId, running), enabled: declared });
  const types = useQuery({ ...ruleTypesQuery(source), enabled: declared });
  const stages = useMemo(() => ruleTimeline(declaration, runs.data ?? []), [declaration, runs.data]);
  // `#rules-STAGE`, the graph's link to a stage's results: scrolled to once they are on screen.
  const { hash } = useLocation();
  const loaded = runs.data !== undefined;
  useEffect(() => {
    if (hash && loaded) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
  }, [hash, loaded]);
  if (!declared) return null;
  return (
    <section aria-labelledby="rules-h" className="rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="rules-h" className="mb-2 text-lg font-semibold">
        Stage conditions
      </h2>
      <QueryReadState query={runs} permission="codepipeline:ListRuleExecutions" what="the rule results" reading="Loading rule results…" />
      {runs.data && stages.length === 0 && <p className="text-sm">No condition has been evaluated in this execution{running ? " yet" : ""}.</p>}
      <div className="flex flex-col gap-4">
        {stages.map((stage) => (
          <section key={stage.stageName} id={paths.ruleResults.anchor(stage.stageName)} aria-label={`Conditions of stage ${stage.stageName}`} className="scroll-mt-4">
            <h3 className="font-semibold">
              Stage <bdi>{stage.stageName}</bdi>
            </h3>
            {stage.conditions.map((condition) => (
              <div key={condition.kind} className="mt-1">
                <h4 className="text-sm font-medium">{condition.kind === "other" ? "Rules no longer declared" : CONDITION_LABELS[condition.kind]}</h4>
                <ol className="mt-1 flex flex-col gap-2">
                  {condition.runs.map((run) => (
                    <RuleRunItem key={run.detail.ruleExecutionId} run={run} types={types.data} />
                  ))}
                </ol>
              </div>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}

function RuleRunItem({ run, types }: { run: RuleRun; types?: RuleType[] }) {
  const { detail } = run;
  const typeId = detail.input?.ruleTypeId;
  const type = types?.find((t) => t.id?.provider === typeId?.provider && t.id?.owner === typeId?.owner && t.id?.version === typeId?.version);
  const secret = new Set((type?.ruleConfigurationProperties ?? []).filter((p) => p.secret).map((p) => p.name));
  const resolved = Object.entries(detail.input?.resolvedConfiguration ?? detail.input?.configuration ?? {});
  const result = detail.output?.executionResult;
  const link = safeHref(result?.externalExecutionUrl);
  return (
    <li className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800" aria-label={`Rule ${detail.ruleName}: ${detail.status ?? "unknown"}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">
          <bdi>{detail.ruleName}</bdi>
        </span>
        <span className={mutedText}>
          <bdi>{typeId?.provider}</bdi> ({typeId?.owner}, version {typeId?.version}){types && !type ? ", a type this region does not list" : ""}
        </span>
        <StatusBadge status={detail.status} />
        {detail.startTime && (
          <span className={mutedText}>
            {formatExactTime(detail.startTime)}
            {run.endedAt ? ` – ${formatDuration(run.endedAt.getTime() - detail.startTime.getTime())}` : ", running"}
          </span>
        )}
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Details
          </a>
        )}
      </div>
      {run.overridden && (
        <p className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          Condition overridden{run.overridden.by ? (
            <>
              {" "}
              by <bdi>{run.overridden.by}</bdi>
            </>
          ) : null}
          {run.overridden.at ? ` at ${formatExactTime(run.overridden.at)}` : ""}
        </p>
      )}
      {result?.externalExecutionSummary && (
        <p className="mt-1 break-words">
          <bdi>{result.externalExecutionSummary}</bdi>
        </p>
      )}
      {result?.errorDetails && (
        <p className="mt-1 break-words text-red-800 dark:text-red-300">
          {result.errorDetails.code && <span className="font-semibold">{result.errorDetails.code}: </span>}
          <bdi>{result.errorDetails.message}</bdi>
        </p>
      )}
      {resolved.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
          {resolved.map(([key, value]) => (
            <div key={key} className="contents">
              <dt>
                <bdi>{key}</bdi>
                {secret.has(key) && <span className="ml-1 font-sans">(secret)</span>}
              </dt>
              <dd className="break-all">
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
