import { DEFAULT_SOURCE_ID, type DashboardConfig, type SourceConfigInput } from "./schema.ts";

/** One account/region the dashboard reads, with everything needed to build its client. */
export interface SourceConfig extends Pick<DashboardConfig, "region" | "endpoint" | "polling" | "readOnly"> {
  /** In query keys, favourites and (for all but the default) URLs. */
  id: string;
  isDefault: boolean;
  /** How the source is named on screen: account label and region. */
  label: string;
  credentials: DashboardConfig["credentials"] | SourceConfigInput["credentials"];
}

/**
 * The top-level account/region first, then `sources` in order. The default keeps the id it had before
 * sources existed (region and endpoint host), so favourites saved under it survive.
 */
export function resolveSources(config: DashboardConfig): SourceConfig[] {
  const host = config.endpoint ? new URL(config.endpoint).host : undefined;
  const top: SourceConfig = {
    id: host ? `${config.region}@${host}` : config.region,
    isDefault: true,
    label: config.label ? `${config.label} · ${config.region}` : host ? `${config.region} · ${host}` : config.region,
    region: config.region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    polling: config.polling,
    readOnly: config.readOnly,
  };
  return [
    top,
    ...config.sources.map((source) => ({
      id: source.id,
      isDefault: false,
      label: `${source.label} · ${source.region}`,
      region: source.region,
      endpoint: source.endpoint ?? config.endpoint,
      credentials: source.credentials,
      polling: config.polling,
      readOnly: source.readOnly ?? config.readOnly,
    })),
  ];
}

/** The source whose credentials an assumeRole source starts from (`from`, checked by the schema). */
export function baseSourceId(sources: SourceConfig[], from: string): string {
  return from === DEFAULT_SOURCE_ID ? sources[0].id : from;
}
