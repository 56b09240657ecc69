import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeResult, runLoad, startCliEmulator, type CliEmulator } from "../../bench/emulator-load";

/*
 * A short, bounded load run in the test suite: 10 s at 200 requests/second of the dashboard's reads
 * against the CLI (demo scenario, real clock, background traffic) in its own process. The 60 s run
 * whose figures are in emulator/README.md is `npm run bench`. Speed and memory are measured there, not
 * asserted here: this test asserts that every request under load gets its answer.
 */
let emulator: CliEmulator;
beforeAll(async () => (emulator = await startCliEmulator()), 30_000);
afterAll(() => emulator?.stop());

describe("wire load", () => {
  it("answers every read of a 10 s, 200 reads/s run without an error", async () => {
    const result = await runLoad(emulator.url, { seconds: 10, rate: 200 });
    console.log(describeResult(result));
    expect(result.errors).toEqual({});
    expect(result.ok).toBe(result.sent);
  }, 60_000);
});
