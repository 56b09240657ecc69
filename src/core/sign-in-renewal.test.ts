import { describe, expect, it } from "vitest";
import { isUsable, renewalDelay, retryDelay, tokenTimes } from "./sign-in-renewal";

const at = (seconds: number) => seconds * 1000;

describe("sign-in renewal timing", () => {
  it("renews an hour's token a minute before it runs out", () => {
    const times = tokenTimes({ iat: 1000, exp: 4600 }, at(1000));
    expect(renewalDelay(times, at(1000))).toBe(at(3540));
    expect(renewalDelay(times, at(4560))).toBe(0);
  });

  it("renews a short token a quarter of its life early, not at once", () => {
    const times = tokenTimes({ iat: 100, exp: 108 }, at(100));
    expect(renewalDelay(times, at(100))).toBe(at(6));
  });

  it("hands out a token until shortly before it runs out", () => {
    const hour = tokenTimes({ iat: 0, exp: 3600 }, 0);
    expect(isUsable(hour, at(3594))).toBe(true);
    expect(isUsable(hour, at(3596))).toBe(false);
    const short = tokenTimes({ iat: 0, exp: 8 }, 0);
    expect(isUsable(short, at(7))).toBe(true);
    expect(isUsable(short, at(7.3))).toBe(false);
  });

  it("treats a token without claims it can read as already expired", () => {
    const times = tokenTimes({}, at(50));
    expect(isUsable(times, at(50))).toBe(false);
    expect(renewalDelay(times, at(50))).toBe(0);
  });

  it("retries an unreachable provider at growing intervals, at most every 30 s", () => {
    expect([1, 2, 3, 4, 5, 12].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
