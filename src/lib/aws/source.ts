import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import PQueue from "p-queue";
import type { DashboardConfig, PollingConfig } from "../../config/schema";
import { credentialProvider } from "./credentials";

/** An account/region pair the dashboard reads from: one SDK client, one request limiter. */
export interface Source {
  /** Goes into every query key, so more sources can join without a rewrite. */
  id: string;
  label: string;
  region: string;
  polling: PollingConfig;
  send: SendThroughLimiter;
  /** Pipelines on screen; their requests jump the queue. */
  visible: Set<string>;
  /** Requests waiting for a slot plus those in flight. */
  pending(): number;
}

/** Runs one SDK call when a slot is free; the call gets the signal that aborts it. */
export type SendThroughLimiter = <Output>(
  call: (client: CodePipelineClient, abortSignal: AbortSignal | undefined) => Promise<Output>,
  options: { signal?: AbortSignal; pipelineName?: string },
) => Promise<Output>;

export function createSource(config: DashboardConfig): Source {
  const client = new CodePipelineClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials: credentialProvider(config),
    // Adaptive = standard retries plus a client-side token bucket that slows down after ThrottlingException.
    retryMode: "adaptive",
    maxAttempts: 5,
  });
  const queue = new PQueue({ concurrency: config.polling.maxConcurrentRequests });
  const visible = new Set<string>();
  const host = config.endpoint ? new URL(config.endpoint).host : undefined;

  const send: SendThroughLimiter = (call, { signal, pipelineName }) =>
    queue.add(({ signal: queueSignal }) => call(client, queueSignal), {
      signal,
      priority: pipelineName && visible.has(pipelineName) ? 1 : 0,
    });

  return {
    id: host ? `${config.region}@${host}` : config.region,
    label: host ? `${config.region} · ${host}` : config.region,
    region: config.region,
    polling: config.polling,
    send,
    visible,
    pending: () => queue.size + queue.pending,
  };
}
