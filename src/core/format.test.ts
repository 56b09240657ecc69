import { describe, expect, it } from "vitest";
import { formatAge, formatDuration, formatRelativeTime } from "./format";

const now = new Date("2025-01-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelativeTime", () => {
  it("says just now for the last few seconds", () => {
    expect(formatRelativeTime(ago(2_000), now)).toBe("just now");
  });
  it("uses the largest whole unit", () => {
    expect(formatRelativeTime(ago(45_000), now)).toBe("45 seconds ago");
    expect(formatRelativeTime(ago(5 * 60_000 + 30_000), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(2 * 86_400_000), now)).toBe("2 days ago");
  });
  it("handles the future (clock skew)", () => {
    expect(formatRelativeTime(new Date(now.getTime() + 120_000), now)).toBe("in 2 minutes");
  });
});

describe("formatDuration", () => {
  it("shows at most two units", () => {
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
    expect(formatDuration(3_840_000)).toBe("1 h 4 min");
    expect(formatDuration(3_600_000)).toBe("1 h");
    expect(formatDuration(26 * 3_600_000)).toBe("1 d 2 h");
  });
  it("never shows a negative duration", () => {
    expect(formatDuration(-5)).toBe("–");
  });
});

describe("formatAge", () => {
  it("clamps future timestamps to zero", () => {
    expect(formatAge(new Date(now.getTime() + 5_000), now)).toBe("0 s");
    expect(formatAge(ago(90_000), now)).toBe("1 min 30 s");
  });
});
