import { BatchGetBuildsCommand, CodeBuildClient, type Build } from "@aws-sdk/client-codebuild";
import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { pollingPolicy } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { ServiceClientFactory, Source } from "./source";

/**
 * CodeBuild builds and CloudWatch Logs streams, for the action details. Only the details view imports this
 * module, so the two SDK clients load with it and never weigh on the first page. Both go through the source's
 * credentials and limiter; log reads at "background" priority, behind what the screen polls.
 */

const codebuild: ServiceClientFactory<CodeBuildClient> = (config) => new CodeBuildClient(config);
const logs: ServiceClientFactory<CloudWatchLogsClient> = (config) => new CloudWatchLogsClient(config);

/** BatchGetBuilds answered with the id in `buildsNotFound`: the build is in another account or region, or gone. */
export class BuildNotFoundError extends Error {
  override name = "BuildNotFoundError";
}

/** One build (the CodeBuild action's external execution id), polled while `running`. */
export function buildQuery(source: Source, name: string, buildId: string, running: boolean) {
  return queryOptions({
    queryKey: codepipelineKeys.build(source, name, buildId),
    queryFn: async ({ signal }): Promise<Build | null> => {
      const out = await source.via(codebuild)((client, abortSignal) => client.send(new BatchGetBuildsCommand({ ids: [buildId] }), { abortSignal }), {
        signal,
        pipelineName: name,
      });
      const build = out.builds?.find((b) => b.id === buildId) ?? out.builds?.[0];
      if (!build) throw new BuildNotFoundError(`CodeBuild has no build ${buildId} in ${source.region}.`);
      return build;
    },
    ...pollingPolicy.build(source.polling, running),
  });
}

export interface LogLine {
  timestamp?: number;
  message: string;
}

export interface LogRead {
  lines: LogLine[];
  /** Where the next read continues (GetLogEvents' nextForwardToken). */
  forwardToken?: string;
  /** The stream holds more than the view keeps: the rest is in the CloudWatch console. */
  truncated: boolean;
}

/** GetLogEvents' largest page. */
const PAGE_EVENTS = 10_000;
/** What the view keeps of one stream: a 200,000-line log still scrolls smoothly; beyond, the console. */
export const MAX_LOG_LINES = 200_000;

/**
 * A log stream from its head, page by page forward (nextForwardToken), so line numbers are the stream's own.
 * Every read continues from the last token, so following a running build costs one request per poll, and each
 * page is on screen as soon as it arrives (set into the cache while the read goes on). A failed read keeps
 * what was read before it.
 */
export function logStreamQuery(source: Source, name: string, group: string, stream: string, following: boolean) {
  return queryOptions({
    queryKey: codepipelineKeys.logStream(source, name, group, stream),
    queryFn: ({ client, queryKey, signal }) => readForward(source, name, group, stream, client, queryKey, signal),
    // 100,000 lines compared deep on every poll would cost more than the poll: new lines mean a new array.
    structuralSharing: false,
    ...pollingPolicy.logStream(source.polling, following),
  });
}

async function readForward(source: Source, name: string, group: string, stream: string, client: QueryClient, queryKey: readonly unknown[], signal: AbortSignal): Promise<LogRead> {
  const previous = client.getQueryData<LogRead>(queryKey);
  let read: LogRead = previous ?? { lines: [], truncated: false };
  const send = source.via(logs);
  while (!read.truncated) {
    const token = read.forwardToken;
    const page = await send(
      (logsClient, abortSignal) =>
        logsClient.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true, nextToken: token, limit: PAGE_EVENTS }), { abortSignal }),
      { signal, pipelineName: name, priority: "background" },
    );
    const events = page.events ?? [];
    const lines = events.length > 0 ? [...read.lines, ...events.map((e) => ({ timestamp: e.timestamp, message: e.message ?? "" }))] : read.lines;
    read = { lines: lines.slice(0, MAX_LOG_LINES), forwardToken: page.nextForwardToken ?? token, truncated: lines.length > MAX_LOG_LINES };
    // The end of the stream answers no events and the token it was given.
    if (events.length === 0 || page.nextForwardToken === token) break;
    client.setQueryData(queryKey, read);
  }
  return read.lines === previous?.lines && read.forwardToken === previous.forwardToken ? previous : read;
}
