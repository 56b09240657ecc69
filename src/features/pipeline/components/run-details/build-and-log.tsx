import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { arnAccount, parseLogStreamArn } from "../../../../core/run-details/console-links";
import { elsewhere } from "../../../../core/run-details/explain";
import { useSource } from "../../../../lib/sources/source-context";
import { BuildDetails } from "./build-details";
import { LogStream } from "./log-stream";
import { ReadProblemNote } from "./read-problem";

/**
 * A run's CodeBuild build (CodeBuild actions) or its log stream (Commands actions, any `logStreamARN`). Loaded
 * lazily by the details panel: this module brings the CodeBuild and Logs clients, anser and the log view. A
 * build or log in another account or region than the pipeline's is said, not read.
 */
export default function BuildAndLog({ run, pipelineName, pipelineAccount }: { run: ActionExecutionDetail; pipelineName: string; pipelineAccount?: string }) {
  const source = useSource();
  const type = run.input?.actionTypeId;
  const result = run.output?.executionResult;
  const actionRunning = run.status === "InProgress";
  const stream = parseLogStreamArn(result?.logStreamARN);
  const here = { region: source.region, account: pipelineAccount };
  const buildId = type?.provider === "CodeBuild" ? result?.externalExecutionId : undefined;
  if (buildId) {
    return (
      <BuildDetails
        source={source}
        pipelineName={pipelineName}
        buildId={buildId}
        actionRunning={actionRunning}
        actionError={result?.errorDetails?.message}
        elsewhere={elsewhere("the build", { region: run.input?.region, account: arnAccount(run.input?.roleArn) }, here)}
      />
    );
  }
  if (!stream) return null;
  const away = elsewhere("the log", stream, here);
  return (
    <section aria-labelledby="log-h" className="flex flex-col gap-2">
      <h3 id="log-h" className="text-base font-semibold">
        Log
      </h3>
      {away ? (
        <ReadProblemNote problem={away} />
      ) : (
        <LogStream
          source={source}
          pipelineName={pipelineName}
          group={stream.group}
          stream={stream.stream}
          live={actionRunning}
          failureMessages={result?.errorDetails?.message ? [result.errorDetails.message] : []}
          label={type?.provider === "Commands" ? "Commands log" : "Action log"}
        />
      )}
    </section>
  );
}
