/** Fault injection for AWS JSON calls: CodePipeline, CodeBuild, CloudWatch Logs (never for /_emulator/* or preflights). */
export interface FaultSettings {
  /** Share of calls answered 400 ThrottlingException "Rate exceeded", 0..1. */
  throttleRate: number;
  /** Share of calls answered 500 InternalFailure, 0..1. */
  errorRate: number;
  /** Delay added before every answer. */
  latencyMs: number;
  /** Refuse every call with 503 ServiceUnavailableException. */
  down: boolean;
  /** Regions the faults apply to (from the request's credential scope); empty = every region. */
  regions: string[];
  /** Accounts the faults apply to (the account of the signing access key); empty = every account. */
  accounts: string[];
  /** Services the faults apply to, by signing name (`codepipeline`, `codebuild`, `logs`); empty = every service. */
  services: string[];
}

/** Where a call goes, as far as faults care: its credential scope's region and its access key's account. */
export interface FaultTarget {
  region: string | undefined;
  accountId: string | undefined;
  service: string;
}

export type FaultDecision = "down" | "throttle" | "error" | "none";

export const NO_FAULTS: FaultSettings = { throttleRate: 0, errorRate: 0, latencyMs: 0, down: false, regions: [], accounts: [], services: [] };

/** mulberry32: tiny, fast and good enough to make fault runs repeat for a given seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private current: FaultSettings;
  private random: () => number;

  constructor(
    initial: Partial<FaultSettings> = {},
    private readonly seed = 1,
  ) {
    this.current = { ...NO_FAULTS, ...initial };
    this.random = seededRandom(seed);
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  /** Merge new settings and restart the generator, so the same settings give the same sequence. */
  update(settings: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...settings };
    this.random = seededRandom(this.seed);
    return this.settings;
  }

  /**
   * Whether a call is subject to the faults: one region, one account, one service, or any mix of them can be
   * "down" while the others work (CloudWatch Logs can throttle while CodePipeline answers). Every scope must
   * match; an empty one matches everything.
   */
  appliesTo({ region, accountId, service }: FaultTarget): boolean {
    const within = (scope: string[], value: string | undefined) => scope.length === 0 || (value !== undefined && scope.includes(value));
    return within(this.current.regions, region) && within(this.current.accounts, accountId) && within(this.current.services, service);
  }

  decide(): FaultDecision {
    if (this.current.down) return "down";
    const roll = this.random();
    if (roll < this.current.throttleRate) return "throttle";
    if (roll < this.current.throttleRate + this.current.errorRate) return "error";
    return "none";
  }
}

/** Checks a POST /_emulator/faults body; returns an error message or the settings. */
export function parseFaultSettings(body: unknown): Partial<FaultSettings> | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Body must be a JSON object.";
  const input = body as Record<string, unknown>;
  const result: Partial<FaultSettings> = {};
  for (const [name, value] of Object.entries(input)) {
    switch (name) {
      case "throttleRate":
      case "errorRate":
        if (typeof value !== "number" || !(value >= 0 && value <= 1)) return `${name} must be a number from 0 to 1.`;
        result[name] = value;
        break;
      case "latencyMs":
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 60_000)
          return "latencyMs must be a number from 0 to 60000.";
        result.latencyMs = value;
        break;
      case "down":
        if (typeof value !== "boolean") return "down must be a boolean.";
        result.down = value;
        break;
      case "regions":
        if (!Array.isArray(value) || value.some((region) => typeof region !== "string")) return "regions must be an array of region names.";
        result.regions = value as string[];
        break;
      case "accounts":
        if (!Array.isArray(value) || value.some((account) => typeof account !== "string" || !/^\d{12}$/.test(account))) {
          return "accounts must be an array of 12-digit account ids.";
        }
        result.accounts = value as string[];
        break;
      case "services":
        if (!Array.isArray(value) || value.some((service) => typeof service !== "string")) return "services must be an array of signing names (codepipeline, codebuild, logs).";
        result.services = value as string[];
        break;
      default:
        return `Unknown fault setting '${name}' (expected throttleRate, errorRate, latencyMs, down, regions, accounts, services).`;
    }
  }
  const throttle = result.throttleRate ?? 0;
  const error = result.errorRate ?? 0;
  if (throttle + error > 1) return "throttleRate + errorRate must not exceed 1.";
  return result;
}
