import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import type { DashboardConfig, PollingConfig } from "../../config/schema";
import { baseSourceId, resolveSources, type SourceConfig } from "../../config/sources";
import type { assumedRoleCredentials } from "./assume-role";
import { credentialProvider, refreshOnStaleCredentials, sharedCredentials, type CredentialProvider } from "./credentials";
import { createLimiter, type Priority } from "./limiter";

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
  /** Marked on screen now (not reactive: read it when rendering anyway, as a clock tick does). */
  isVisible(name: string): boolean;
  /** Requests waiting for a slot plus those in flight. */
  pending(): number;
}

/** Runs one SDK call when a slot is free; the call gets the signal that aborts it. */
export type SendThroughLimiter = <Output>(
  call: (client: CodePipelineClient, abortSignal: AbortSignal | undefined) => Promise<Output>,
  options: { signal?: AbortSignal; pipelineName?: string; priority?: Priority },
) => Promise<Output>;

/**
 * Every configured account/region, the default first; assumed roles start from their base source's credentials,
 * the very ones its own client signs with (`sharedCredentials`): renewing them for one renews them for all.
 */
export function createSources(config: DashboardConfig): Source[] {
  const configs = resolveSources(config);
  const own = new Map<string, CredentialProvider>();
  for (const source of configs) {
    if (source.credentials.type !== "assumeRole") own.set(source.id, sharedCredentials(credentialProvider({ ...source, credentials: source.credentials })));
  }
  return configs.map((source) => {
    const { credentials } = source;
    return createSource(
      source,
      credentials.type === "assumeRole"
        ? lazyAssumedRole({ ...source, credentials }, own.get(baseSourceId(configs, credentials.from))!)
        : own.get(source.id)!,
    );
  });
}

/** `assumedRoleCredentials`, its code (and the SDK's AssumeRole provider) loaded only by configs that assume roles. */
function lazyAssumedRole(...args: Parameters<typeof assumedRoleCredentials>): CredentialProvider {
  const provider = import("./assume-role").then((module) => module.assumedRoleCredentials(...args));
  return async (properties) => (await provider)(properties);
}

function createSource(config: SourceConfig, credentials: CredentialsOption): Source {
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

  const send: SendThroughLimiter = (call, { signal, pipelineName, priority }) =>
    withFreshCredentials(() =>
      limiter.run((abortSignal) => call(client, abortSignal), {
        signal,
        priority,
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
    isVisible: (name) => visible.has(name),
    pending: () => limiter.size(),
  };
}
