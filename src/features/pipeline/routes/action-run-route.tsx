import { lazy, Suspense, useMemo } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import type { ActionExecutionDetail, ArtifactDetail } from "@aws-sdk/client-codepipeline";
import { useSource } from "../../../lib/sources/source-context";
import { usePipelinePaths } from "../../../lib/paths";
import { actionExecutionsQuery, executionQuery } from "../../../lib/aws/execution-queries";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { actionAttempts } from "../../../core/run-details/attempts";
import { arnAccount, s3ObjectConsoleUrl } from "../../../core/run-details/console-links";
import { reportsDeployTargets } from "../../../core/run-details/deploy-targets";
import { formatDuration, formatExactTime, runDurationMs } from "../../../core/format";
import { safeHref } from "../../../core/safe-link";
import { isRunning } from "../../../core/status";
import { ErrorBanner } from "../../../components/error-banner";
import { StatusBadge } from "../../../components/status-badge";
import { linkClass, mutedText, secondaryButton } from "../../../components/styles";
import { DeployTargets } from "../components/run-details/deploy-targets";

// The build, its log and the log view bring the CodeBuild and Logs clients: loaded when a run has them.
const BuildAndLog = lazy(() => import("../components/run-details/build-and-log"));

/** Links that open the panel say so, so closing it goes back where the reader came from. */
export interface OpenedFromApp {
  fromApp: true;
}

/**
 * `/pipelines/:name/executions/:id/actions/:stage/:action`: every detail of one action's runs in one execution
 * (ListActionExecutions, filtered by the execution), as a side panel over the execution page (in its chunk, so
 * the route adds no entry that would split the first page's modules); the CodeBuild and Logs clients load
 * only with a build or log to show. `?run=ID` picks an attempt (retries), else the newest.
 */
export default function ActionRunRoute() {
  const { name = "", executionId = "", stage = "", action = "" } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const source = useSource();
  const pipelinePaths = usePipelinePaths();
  const execution = useQuery(executionQuery(source, name, executionId));
  const running = isRunning(execution.data?.status);
  const runs = useQuery(actionExecutionsQuery(source, name, executionId, running));
  const metadata = useQuery({ ...pipelineDeclarationQuery(source, name, execution.data?.pipelineVersion), enabled: !!execution.data }).data?.metadata;
  const attempts = useMemo(() => actionAttempts(runs.data ?? [], executionId, stage, action), [runs.data, executionId, stage, action]);
  const selected = attempts.find((a) => a.actionExecutionId === search.get("run")) ?? attempts[0];
  const number = selected ? attempts.length - attempts.indexOf(selected) : 0;

  const close = () => {
    if ((location.state as OpenedFromApp | null)?.fromApp) navigate(-1);
    else navigate(pipelinePaths.execution(name, executionId));
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-full max-w-[60rem] flex-col bg-white text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <header className="flex items-start gap-3 border-b border-zinc-300 px-4 py-3 sm:px-5 dark:border-zinc-700">
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-lg font-semibold break-words">
                <span className={mutedText}>
                  <bdi>{stage}</bdi> /{" "}
                </span>
                <bdi>{action}</bdi>
              </Dialog.Title>
              <Dialog.Description asChild>
                <p className="flex flex-wrap items-center gap-x-2 text-sm">
                  {selected && <StatusBadge status={selected.status} />}
                  {attempts.length > 1 && (
                    <span>
                      attempt {number} of {attempts.length}
                    </span>
                  )}
                  <span>
                    in execution{" "}
                    <Link to={pipelinePaths.execution(name, executionId)} className={`${linkClass} font-mono`}>
                      {executionId.slice(0, 8)}
                    </Link>{" "}
                    of <bdi>{name}</bdi>
                  </span>
                </p>
              </Dialog.Description>
            </div>
            <Dialog.Close className={secondaryButton} aria-label="Close the details">
              Close
            </Dialog.Close>
          </header>
          <div className="flex flex-1 flex-col gap-5 overflow-y-auto px-4 py-4 sm:px-5">
            {runs.error && <ErrorBanner error={runs.error} lastGoodAt={runs.dataUpdatedAt} what="the action runs" />}
            {runs.isPending && <p className="text-sm">Loading the action's runs…</p>}
            {runs.data && !selected && (
              <p role="status" className="text-sm">
                <bdi>{action}</bdi> has not run in this execution{running ? " yet" : ""}.
              </p>
            )}
            {selected && (
              <>
                {attempts.length > 1 && <Attempts attempts={attempts} selected={selected} href={(id) => pipelinePaths.actionRun(name, executionId, stage, action, id)} />}
                <RunError run={selected} />
                <RunSources run={selected} pipelineName={name} pipelineAccount={arnAccount(metadata?.pipelineArn)} />
                <RunSummary run={selected} />
                <Configuration run={selected} />
                <Artifacts run={selected} region={selected.input?.region ?? source.region} />
                <OutputVariables run={selected} />
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Attempts({ attempts, selected, href }: { attempts: ActionExecutionDetail[]; selected: ActionExecutionDetail; href(id: string): string }) {
  return (
    <nav aria-label="Attempts">
      <h3 className="mb-1 text-base font-semibold">Attempts, newest first</h3>
      <ol className="flex flex-col gap-1 text-sm">
        {attempts.map((a, i) => (
          <li key={a.actionExecutionId}>
            <Link
              to={href(a.actionExecutionId ?? "")}
              replace
              state={{ fromApp: true } satisfies OpenedFromApp}
              aria-current={a === selected ? "true" : undefined}
              className={`flex flex-wrap items-center gap-2 rounded px-2 py-1 ${a === selected ? "bg-sky-100 dark:bg-sky-950" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              <span className="font-medium">Attempt {attempts.length - i}</span>
              <StatusBadge status={a.status} />
              {a.startTime && <span className={mutedText}>{formatExactTime(a.startTime)}</span>}
              {a.output?.executionResult?.errorDetails?.message && (
                <bdi className="min-w-0 truncate text-red-800 dark:text-red-300">{a.output.executionResult.errorDetails.message}</bdi>
              )}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function RunError({ run }: { run: ActionExecutionDetail }) {
  const error = run.output?.executionResult?.errorDetails;
  if (!error) return null;
  return (
    <section aria-labelledby="error-h" className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 dark:border-red-400/50 dark:bg-red-950">
      <h3 id="error-h" className="text-base font-semibold text-red-900 dark:text-red-100">
        Error{error.code ? <bdi className="ml-2 font-mono text-sm">{error.code}</bdi> : null}
      </h3>
      <p className="mt-1 text-sm break-words whitespace-pre-wrap text-red-950 dark:text-red-50">
        <bdi>{error.message}</bdi>
      </p>
    </section>
  );
}

/**
 * Where the run's own record lives: its CodeBuild build and log stream (a chunk of its own, with the CodeBuild
 * and Logs clients), its deploy targets.
 */
function RunSources({ run, pipelineName, pipelineAccount }: { run: ActionExecutionDetail; pipelineName: string; pipelineAccount?: string }) {
  const source = useSource();
  const type = run.input?.actionTypeId;
  const result = run.output?.executionResult;
  const readsBuildOrLog = (type?.provider === "CodeBuild" && !!result?.externalExecutionId) || !!result?.logStreamARN;
  return (
    <>
      {readsBuildOrLog && (
        <Suspense fallback={<p className="text-sm">Loading the build and log view…</p>}>
          <BuildAndLog run={run} pipelineName={pipelineName} pipelineAccount={pipelineAccount} />
        </Suspense>
      )}
      {reportsDeployTargets(type) && run.actionExecutionId && (
        <DeployTargets source={source} pipelineName={pipelineName} actionExecutionId={run.actionExecutionId} running={run.status === "InProgress"} />
      )}
    </>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function RunSummary({ run }: { run: ActionExecutionDetail }) {
  const input = run.input;
  const result = run.output?.executionResult;
  const type = input?.actionTypeId;
  const link = safeHref(result?.externalExecutionUrl);
  const end = run.status === "InProgress" ? undefined : run.lastUpdateTime;
  return (
    <section aria-labelledby="run-h">
      <h3 id="run-h" className="mb-1 text-base font-semibold">
        Run
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <Row term="Status">
          <StatusBadge status={run.status} />
        </Row>
        <Row term="Started">{run.startTime ? formatExactTime(run.startTime) : "—"}</Row>
        <Row term="Last update">{run.lastUpdateTime ? formatExactTime(run.lastUpdateTime) : "—"}</Row>
        <Row term="Duration">{run.startTime ? `${formatDuration(runDurationMs(run.startTime, end, new Date()))}${end ? "" : " so far"}` : "—"}</Row>
        <Row term="Updated by">{run.updatedBy ? <bdi>{run.updatedBy}</bdi> : "—"}</Row>
        <Row term="Action type">
          <bdi>{type?.provider}</bdi> · {type?.category} · owner {type?.owner} · version {type?.version}
        </Row>
        <Row term="Region">{input?.region ?? "—"}</Row>
        <Row term="Role">{input?.roleArn ? <bdi className="font-mono text-xs">{input.roleArn}</bdi> : "the pipeline's"}</Row>
        <Row term="Namespace">{input?.namespace ? <bdi className="font-mono">{input.namespace}</bdi> : "—"}</Row>
        <Row term="Summary">{result?.externalExecutionSummary ? <bdi className="whitespace-pre-wrap">{result.externalExecutionSummary}</bdi> : "—"}</Row>
        <Row term="External execution">
          {result?.externalExecutionId ? <bdi className="font-mono text-xs">{result.externalExecutionId}</bdi> : "—"}
          {link && (
            <>
              {" "}
              <a href={link} target="_blank" rel="noopener noreferrer" className={linkClass}>
                Open in {type?.provider ?? "the provider"}
              </a>
            </>
          )}
        </Row>
        {result?.logStreamARN && (
          <Row term="Log stream">
            <bdi className="font-mono text-xs">{result.logStreamARN}</bdi>
          </Row>
        )}
        <Row term="Action execution id">
          <span className="font-mono text-xs">{run.actionExecutionId}</span>
        </Row>
      </dl>
    </section>
  );
}

/** Declared configuration beside the resolved one (variables substituted), as the API returns both: nothing invented. */
function Configuration({ run }: { run: ActionExecutionDetail }) {
  const declared = run.input?.configuration ?? {};
  const resolved = run.input?.resolvedConfiguration ?? {};
  const keys = [...new Set([...Object.keys(declared), ...Object.keys(resolved)])];
  return (
    <section aria-labelledby="config-h">
      <h3 id="config-h" className="mb-1 text-base font-semibold">
        Configuration
      </h3>
      {keys.length === 0 ? (
        <p className="text-sm">None.</p>
      ) : (
        <table className="w-full table-fixed text-left text-sm" aria-label="Configuration">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="w-1/4 py-1 pr-2 font-medium">Key</th>
              <th scope="col" className="py-1 pr-2 font-medium">Resolved</th>
              <th scope="col" className="py-1 font-medium">Declared</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const changed = key in resolved && resolved[key] !== declared[key];
              return (
                <tr key={key} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <th scope="row" className="py-1 pr-2 font-mono text-xs font-medium break-all">
                    <bdi>{key}</bdi>
                  </th>
                  <td className={`py-1 pr-2 font-mono text-xs break-all whitespace-pre-wrap ${changed ? "font-semibold" : ""}`}>
                    {key in resolved ? <bdi>{resolved[key]}</bdi> : <span className={mutedText}>not resolved</span>}
                  </td>
                  <td className="py-1 font-mono text-xs break-all whitespace-pre-wrap">
                    <bdi>{declared[key]}</bdi>
                    {changed && <span className="sr-only"> (variables resolved)</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ArtifactList({ title, artifacts, region }: { title: string; artifacts: ArtifactDetail[] | undefined; region: string }) {
  return (
    <div>
      <h4 className="text-sm font-medium">{title}</h4>
      {artifacts?.length ? (
        <ul className="text-sm">
          {artifacts.map((a, i) => {
            const { bucket, key } = a.s3location ?? {};
            const href = bucket && key ? safeHref(s3ObjectConsoleUrl(region, bucket, key)) : undefined;
            return (
              <li key={`${a.name}-${i}`} className="break-all">
                <bdi className="font-medium">{a.name}</bdi>{" "}
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className={`${linkClass} font-mono text-xs`} aria-label={`Artifact ${a.name} in the S3 console`}>
                    s3://{bucket}/{key}
                  </a>
                ) : (
                  <span className={mutedText}>no S3 location</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm">None.</p>
      )}
    </div>
  );
}

function Artifacts({ run, region }: { run: ActionExecutionDetail; region: string }) {
  return (
    <section aria-labelledby="artifacts-h" className="flex flex-col gap-2">
      <h3 id="artifacts-h" className="text-base font-semibold">
        Artifacts
      </h3>
      <ArtifactList title="Input" artifacts={run.input?.inputArtifacts} region={region} />
      <ArtifactList title="Output" artifacts={run.output?.outputArtifacts} region={region} />
    </section>
  );
}

function OutputVariables({ run }: { run: ActionExecutionDetail }) {
  const variables = Object.entries(run.output?.outputVariables ?? {});
  return (
    <section aria-labelledby="variables-h">
      <h3 id="variables-h" className="mb-1 text-base font-semibold">
        Output variables
      </h3>
      {variables.length === 0 ? (
        <p className="text-sm">None{run.input?.namespace ? "" : " (the action has no namespace)"}.</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
          {variables.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-mono text-xs">
                {run.input?.namespace ? `#{${run.input.namespace}.` : ""}
                <bdi>{key}</bdi>
                {run.input?.namespace ? "}" : ""}
              </dt>
              <dd className="font-mono text-xs break-all">
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
