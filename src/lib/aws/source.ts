import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import type { DashboardConfig, PollingConfig } from "../../config/schema";
import { baseSourceId, resolveSources, type SourceConfig } from "../../config/sources";
import { assumedRoleCredentials } from "./assume-role";
import { credentialProvider, refreshOnStaleCredentials } from "./credentials";
import { createLimiter } from "./limiter";
import { createLiveHealth, type LiveHealth } from "../live/live-health";

type CredentialsOption = NonNullable<CodePipelineClientConfig["credentials"]>;

/** An account/region pair the dashboard reads from: one SDK client, one request limiter. */
export interface Source {
  /** Goes into every query key, so more sources can join without a rewrite. */
  id: string;
  /** The first configured source: its pages need no `/sources/:sourceId` prefix. */
  isDefault: boolean;
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
  /** Whether a page shows the pipeline now (setVisible's count): live updates read only those at once. */
  isVisible(name: string): boolean;
  /** The source whose own credentials this one starts from (itself, unless it assumes a role). */
  baseId: string;
  /** This source's live-updates state (polling slows only while it is live). */
  live: LiveHealth;
  /** The source's credentials now, refreshed when due (live updates sign their socket with the base source's). */
  credentials(): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  /** The SDK's SHA-256, for signing beside the client (one copy in the bundle). */
  sha256: CodePipelineClient["config"]["sha256"];
}

/** Runs one SDK call when a slot is free; the call gets the signal that aborts it. */
export type SendThroughLimiter = <Output>(
  call: (client: CodePipelineClient, abortSignal: AbortSignal | undefined) => Promise<Output>,
  options: { signal?: AbortSignal; pipelineName?: string },
) => Promise<Output>;

/** Every configured account/region, the default first; assumed roles start from their base source's credentials. */
export function createSources(config: DashboardConfig): Source[] {
  const configs = resolveSources(config);
  const own = new Map<string, CredentialsOption>();
  for (const source of configs) {
    if (source.credentials.type !== "assumeRole") own.set(source.id, credentialProvider({ ...source, credentials: source.credentials }));
  }
  return configs.map((source) => {
    const { credentials } = source;
    const baseId = credentials.type === "assumeRole" ? baseSourceId(configs, credentials.from) : source.id;
    return createSource(
      source,
      credentials.type === "assumeRole" ? assumedRoleCredentials({ ...source, credentials }, own.get(baseId)!) : own.get(source.id)!,
      baseId,
      config.events?.safetyIntervalSeconds,
    );
  });
}

function createSource(config: SourceConfig, credentials: CredentialsOption, baseId: string, safetySeconds: number | undefined): Source {
  const client = new CodePipelineClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials,
    // Adaptive = standard retries plus a client-side token bucket that slows down after ThrottlingException.
    retryMode: "adaptive",
    maxAttempts: 5,
  });
  const limiter = createLimiter(config.polling.maxConcurrentRequests);
  // Visibility counts mounts, since a row can remount before the old one unmounts.
  const visible = new Map<string, number>();

  // Static keys do not change by fetching them again, so only identity-pool and assumed-role credentials are refreshed.
  const withFreshCredentials =
    config.credentials.type !== "static"
      ? refreshOnStaleCredentials(() => client.config.credentials({ forceRefresh: true }))
      : <T>(run: () => Promise<T>) => run();

  const send: SendThroughLimiter = (call, { signal, pipelineName }) =>
    withFreshCredentials(() =>
      limiter.run((abortSignal) => call(client, abortSignal), {
        signal,
        urgent: () => pipelineName !== undefined && visible.has(pipelineName),
      }),
    );

  const setVisible = (name: string, on: boolean) => {
    const count = (visible.get(name) ?? 0) + (on ? 1 : -1);
    if (count > 0) visible.set(name, count);
    else visible.delete(name);
  };
  return {
    id: config.id,
    label: config.label,
    isDefault: config.isDefault,
    region: config.region,
    polling: config.polling,
    readOnly: config.readOnly,
    send,
    setVisible,
    pending: () => limiter.size(),
    isVisible: (name) => visible.has(name),
    baseId,
    live: createLiveHealth(safetySeconds),
    credentials: () => client.config.credentials(),
    sha256: client.config.sha256,
  };
}
