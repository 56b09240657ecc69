import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { DashboardConfig, PollingConfig } from "../../config/schema";
import { credentialProvider } from "./credentials";
import { createLimiter } from "./limiter";

/** An account/region pair the dashboard reads from: one SDK client, one request limiter. */
export interface Source {
  /** Goes into every query key, so more sources can join without a rewrite. */
  id: string;
  label: string;
  region: string;
  polling: PollingConfig;
  /** Config `readOnly`: controls are hidden, not merely refused by IAM. */
  readOnly: boolean;
  send: SendThroughLimiter;
  /** Marks a pipeline on or off screen; on-screen requests jump the queue, including ones already waiting. */
  setVisible(name: string, visible: boolean): void;
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
  const limiter = createLimiter(config.polling.maxConcurrentRequests);
  // Visibility counts mounts, since a row can remount before the old one unmounts.
  const visible = new Map<string, number>();

  const send: SendThroughLimiter = (call, { signal, pipelineName }) =>
    limiter.run((abortSignal) => call(client, abortSignal), {
      signal,
      urgent: () => pipelineName !== undefined && visible.has(pipelineName),
    });

  const setVisible = (name: string, on: boolean) => {
    const count = (visible.get(name) ?? 0) + (on ? 1 : -1);
    if (count > 0) visible.set(name, count);
    else visible.delete(name);
  };
  const host = config.endpoint ? new URL(config.endpoint).host : undefined;

  return {
    id: host ? `${config.region}@${host}` : config.region,
    label: host ? `${config.region} · ${host}` : config.region,
    region: config.region,
    polling: config.polling,
    readOnly: config.readOnly,
    send,
    setVisible,
    pending: () => limiter.size(),
  };
}
