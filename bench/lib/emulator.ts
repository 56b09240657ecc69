import { createServer, type EmulatorServer } from "../../emulator/src/server";
import type { Scenario } from "../../emulator/src/scenario/types";
import { HOST, PORTS } from "./ports";

/** The CodePipeline calls in the request log (Cognito's GetId and GetCredentialsForIdentity are not polling). */
const COGNITO_OPERATIONS = new Set(["GetId", "GetCredentialsForIdentity"]);

/**
 * The emulator in this process, on a manual clock: the benchmark moves time itself, so a state change
 * happens at a known instant and a simulated day takes as long as the benchmark wants.
 */
export class BenchEmulator {
  private constructor(
    readonly server: EmulatorServer,
    readonly url: string,
  ) {}

  static async start(port: number = PORTS.emulator): Promise<BenchEmulator> {
    const server = createServer({ clock: "manual", log: () => {} });
    await new Promise<void>((done, fail) => {
      server.server.once("error", fail);
      server.server.listen(port, HOST, () => done());
    });
    return new BenchEmulator(server, `http://${HOST}:${port}`);
  }

  load(scenario: Scenario): void {
    this.server.core.loadScenario(scenario);
    this.server.requests.reset();
  }

  advanceSeconds(seconds: number): void {
    this.server.core.advance(seconds * 1000);
  }

  now(): Date {
    return this.server.core.clock.now();
  }

  resetRequests(): void {
    this.server.requests.reset();
  }

  /** CodePipeline requests since the last reset, by operation, optionally only one caller's. */
  requests(accessKeyPrefix?: string): { total: number; byOperation: Record<string, number> } {
    const counts = this.server.requests.counts();
    const byOperation = Object.fromEntries(Object.entries(counts.byOperation).filter(([op]) => !COGNITO_OPERATIONS.has(op)));
    let total = Object.values(byOperation).reduce((a, b) => a + b, 0);
    if (accessKeyPrefix !== undefined) {
      total = Object.entries(counts.byAccessKey)
        .filter(([key]) => key.startsWith(accessKeyPrefix))
        .reduce((a, [, n]) => a + n, 0);
    }
    return { total, byOperation };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
