import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { asPipelineStatus, isBuildRunning, isFailedPhase, orderPhases, phaseFailureMessages } from "../../../../core/run-details/build";
import type { ReadProblem } from "../../../../core/run-details/explain";
import { formatDuration, formatExactTime } from "../../../../core/format";
import { buildQuery } from "../../../../lib/aws/build-log-queries";
import type { Source } from "../../../../lib/aws/source";
import { StatusBadge } from "../../../../components/status-badge";
import { LogStream } from "./log-stream";
import { QueryReadState, ReadProblemNote } from "./read-problem";

/** A CodeBuild action's build: BatchGetBuilds (phases, the failed one first), then its CloudWatch log. */
export function BuildDetails({
  source,
  pipelineName,
  buildId,
  actionRunning,
  actionError,
  elsewhere,
}: {
  source: Source;
  pipelineName: string;
  buildId: string;
  actionRunning: boolean;
  actionError?: string;
  /** The build ran in another account or region: said, not read. */
  elsewhere?: ReadProblem;
}) {
  const query = useQuery({ ...buildQuery(source, pipelineName, buildId, actionRunning), enabled: !elsewhere });
  const build = query.data ?? undefined;
  const running = actionRunning || isBuildRunning(build);
  const phases = useMemo(() => orderPhases(build?.phases), [build]);
  const failureMessages = useMemo(() => [...phaseFailureMessages(build), ...(actionError ? [actionError] : [])], [build, actionError]);
  const group = build?.logs?.groupName;
  const stream = build?.logs?.streamName;

  return (
    <section aria-labelledby="build-h" className="flex flex-col gap-2">
      <h3 id="build-h" className="text-base font-semibold">
        Build <span className="font-mono text-sm font-normal break-all">{buildId}</span>
      </h3>
      {elsewhere && <ReadProblemNote problem={elsewhere} />}
      <QueryReadState
        query={query}
        permission="codebuild:BatchGetBuilds"
        what="the build's phases and log"
        reading={elsewhere ? undefined : "Reading the build…"}
        explain={(error) =>
          error.name === "BuildNotFoundError"
            ? { kind: "elsewhere", title: "CodeBuild does not know this build here", detail: `${error.message} It may have run in another account or region, or been deleted.` }
            : undefined
        }
      />
      {build && (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <StatusBadge status={asPipelineStatus(build.buildStatus)} label={build.buildStatus} />
            {build.currentPhase && running && <span>now in {build.currentPhase}</span>}
            {build.projectName && (
              <span>
                project <bdi className="font-mono">{build.projectName}</bdi>
              </span>
            )}
            {build.buildNumber !== undefined && <span>#{build.buildNumber}</span>}
          </p>
          <table className="w-full text-left text-sm" aria-label="Build phases">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Phase</th>
                <th scope="col" className="py-1 pr-2 font-medium">Status</th>
                <th scope="col" className="py-1 pr-2 font-medium">Duration</th>
                <th scope="col" className="py-1 font-medium">Context</th>
              </tr>
            </thead>
            <tbody>
              {phases.map((phase, i) => (
                <tr key={`${phase.phaseType}-${i}`} className={`border-t border-zinc-200 align-top dark:border-zinc-800 ${isFailedPhase(phase) ? "bg-red-50 dark:bg-red-950/60" : ""}`}>
                  <th scope="row" className="py-1 pr-2 font-mono text-xs font-medium">
                    {phase.phaseType}
                  </th>
                  <td className="py-1 pr-2">{phase.phaseStatus ? <StatusBadge status={asPipelineStatus(phase.phaseStatus)} label={phase.phaseStatus} /> : "—"}</td>
                  <td className="py-1 pr-2 tabular-nums" title={phase.startTime ? `started ${formatExactTime(phase.startTime)}` : undefined}>
                    {phase.durationInSeconds !== undefined ? formatDuration(phase.durationInSeconds * 1000) : running && !phase.endTime ? "running" : "—"}
                  </td>
                  <td className="py-1 wrap-anywhere">
                    {(phase.contexts ?? [])
                      .filter((c) => c.message || c.statusCode)
                      .map((c, j) => (
                        <p key={j}>
                          {c.statusCode && <span className="font-mono text-xs">{c.statusCode}: </span>}
                          <bdi>{c.message}</bdi>
                        </p>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {group && stream ? (
            <LogStream source={source} pipelineName={pipelineName} group={group} stream={stream} live={running} failureMessages={failureMessages} label="Build log" />
          ) : (
            <p className="text-sm">This build sends no log to CloudWatch Logs{build.logs?.s3DeepLink ? " (its log is in S3)" : ""}.</p>
          )}
        </>
      )}
    </section>
  );
}
