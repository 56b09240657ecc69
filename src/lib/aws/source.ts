import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import type { DashboardConfig, PollingConfig } from "../../config/schema";
import { isLocalEndpoint } from "../../config/schema";
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
  /**
   * Calls to another AWS service of this account and region (CodeBuild, CloudWatch Logs). Its client is made
   * on first use by `make`, which lives in a module loaded with the view that needs it (so its SDK stays off
   * the first page), with this source's credentials (the same cache), retries and request limiter.
   */
  via<Client>(make: ServiceClientFactory<Client>): SendVia<Client>;
  /** Marks a pipeline on or off screen; on-screen requests jump the queue, including ones already waiting. */
  setVisible(name: string, visible: boolean): void;
  /** Marked on screen now (not reactive: read it when rendering anyway, as a clock tick does). */
  isVisible(name: string): boolean;
  /** Requests waiting for a slot plus those in flight. */
  pending(): number;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** Requests of on-screen pipelines go first. */
  pipelineName?: string;
  /** "background" (logs) waits behind everything else; default "normal". */
  priority?: Priority;
}

/** Runs one SDK call when a slot is free; the call gets the signal that aborts it. */
export type SendVia<Client> = <Output>(call: (client: Client, abortSignal: AbortSignal | undefined) => Promise<Output>, options: SendOptions) => Promise<Output>;
export type SendThroughLimiter = SendVia<CodePipelineClient>;

/** What another service's client is made with: the source's region, its endpoint if local, its credentials. */
export interface ServiceClientConfig {
  region: string;
  endpoint?: string;
  credentials: CodePipelineClient["config"]["credentials"];
  retryMode: "adaptive";
  maxAttempts: number;
}
export type ServiceClientFactory<Client> = (config: ServiceClientConfig) => Client;

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
  const retries = {
    // Adaptive = standard retries plus a client-side token bucket that slows down after ThrottlingException.
    retryMode: "adaptive" as const,
    maxAttempts: 5,
  };
  const client = new CodePipelineClient({ region: config.region, endpoint: config.endpoint, credentials, ...retries });
  const limiter = createLimiter(config.polling.maxConcurrentRequests);
  // Visibility counts mounts, since a row can remount before the old one unmounts.
  const visible = new Map<string, number>();

  // Static keys do not change by fetching them again, so only identity-pool and assumed-role credentials are refreshed.
  const withFreshCredentials =
    config.credentials.type !== "static"
      ? refreshOnStaleCredentials(() => client.config.credentials({ forceRefresh: true }))
      : <T>(run: () => Promise<T>) => run();

  const sendVia =
    <Client>(serviceClient: Client): SendVia<Client> =>
    (call, { signal, pipelineName, priority }) =>
      withFreshCredentials(() =>
        limiter.run((abortSignal) => call(serviceClient, abortSignal), {
          signal,
          priority,
          urgent: () => pipelineName !== undefined && visible.has(pipelineName),
        }),
      );
  const send: SendThroughLimiter = sendVia(client);

  // The CodePipeline client's credentials are already memoized, so the other clients share its cache (the SDK
  // does not wrap a memoized provider again) and one refresh renews them all. Only a local endpoint (the
  // emulator) answers every service; a proxy in front of CodePipeline does not, so the others go to AWS.
  const services = new Map<ServiceClientFactory<unknown>, SendVia<unknown>>();
  const via = <Client,>(make: ServiceClientFactory<Client>): SendVia<Client> => {
    let sender = services.get(make) as SendVia<Client> | undefined;
    if (!sender) {
      const endpoint = isLocalEndpoint(config.endpoint) ? config.endpoint : undefined;
      sender = sendVia(make({ region: config.region, endpoint, credentials: client.config.credentials, ...retries }));
      services.set(make, sender as SendVia<unknown>);
    }
    return sender;
  };

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
    via,
    setVisible,
    isVisible: (name) => visible.has(name),
    pending: () => limiter.size(),
  };
}
