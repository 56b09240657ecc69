import { describe, expect, it } from "vitest";
import { filterLogEvents, filterPattern, getLogEvents, SCAN_BUDGET } from "./log-queries";
import type { LogStreamView } from "./run-logs";

/** A stream of `size` events, one a second from `start`, with messages from `message`. */
function stream(name: string, size: number, message: (i: number) => string = (i) => `line ${i}\n`, start = 1_000_000): LogStreamView {
  return {
    name,
    key: `/group/${name}`,
    creationTime: start,
    size,
    timestamp: (i) => start + i * 1000,
    event: (i) => ({ timestamp: start + i * 1000, message: message(i), ingestionTime: start + i * 1000 + 250 }),
  };
}

const lines = (events: { message?: string }[] | undefined) => events!.map((e) => e.message!.trim());

describe("GetLogEvents paging", () => {
  it("pages forward from the head and backward from the tail, each token repeating at its end", () => {
    const s = stream("a", 25);
    const head = getLogEvents(s, { startFromHead: true, limit: 10 });
    expect(lines(head.events)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i}`));
    const second = getLogEvents(s, { nextToken: head.nextForwardToken, limit: 10 });
    const third = getLogEvents(s, { nextToken: second.nextForwardToken, limit: 10 });
    expect(lines(third.events)).toEqual(["line 20", "line 21", "line 22", "line 23", "line 24"]);
    const end = getLogEvents(s, { nextToken: third.nextForwardToken, limit: 10 });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(third.nextForwardToken);

    const tail = getLogEvents(s, { limit: 10 });
    expect(lines(tail.events)[0]).toBe("line 15");
    const back = getLogEvents(s, { nextToken: getLogEvents(s, { nextToken: tail.nextBackwardToken, limit: 10 }).nextBackwardToken, limit: 10 });
    expect(lines(back.events)).toEqual(["line 0", "line 1", "line 2", "line 3", "line 4"]);
    expect(getLogEvents(s, { nextToken: back.nextBackwardToken }).nextBackwardToken).toBe(back.nextBackwardToken);
    // Read backward, the forward token continues after what was read: following the stream from there works.
    expect(lines(getLogEvents(s, { nextToken: back.nextForwardToken, limit: 1 }).events)).toEqual(["line 5"]);
  });

  it("gives tokens that an empty stream, and one that grows later, answer", () => {
    const empty = getLogEvents(stream("a", 0), { startFromHead: true });
    expect(empty.events).toEqual([]);
    const grown = getLogEvents(stream("a", 3), { nextToken: empty.nextForwardToken });
    expect(lines(grown.events)).toEqual(["line 0", "line 1", "line 2"]);
  });

  it("stops a page at 1 MB (message bytes plus 26 per event) and 10,000 events by default", () => {
    const big = stream("big", 100, () => `${"x".repeat(99_999)}\n`);
    const page = getLogEvents(big, { startFromHead: true });
    expect(page.events).toHaveLength(10);
    const many = getLogEvents(stream("many", 12_000), { startFromHead: true });
    expect(many.events).toHaveLength(10_000);
  });

  it("refuses a token of another stream, or one it never gave", () => {
    const token = getLogEvents(stream("a", 5), { startFromHead: true }).nextForwardToken;
    expect(() => getLogEvents(stream("b", 5), { nextToken: token })).toThrow("The specified nextToken is invalid.");
    expect(() => getLogEvents(stream("a", 5), { nextToken: "f/1/s" })).toThrow("The specified nextToken is invalid.");
  });
});

describe("filter patterns", () => {
  const m = (pattern: string, message: string) => filterPattern(pattern)(message);

  it("match every term, case-sensitively, and quoted phrases as written", () => {
    expect(m("ERROR timeout", "ERROR: request timeout after 30s")).toBe(true);
    expect(m("ERROR timeout", "ERROR: request failed")).toBe(false);
    expect(m("error", "ERROR")).toBe(false);
    expect(m('"exit status 1"', "Reason: exit status 1")).toBe(true);
    expect(m('"exit status 1"', "exit status 12")).toBe(true);
    expect(m('"status exit"', "exit status")).toBe(false);
    expect(m('"say \\"hi\\""', 'they say "hi"')).toBe(true);
  });

  it("take ?alternatives, -exclusions and %regular expressions%", () => {
    expect(m("?ERROR ?WARN", "WARN disk")).toBe(true);
    expect(m("?ERROR ?WARN", "INFO disk")).toBe(false);
    expect(m("ERROR -Exiting", "ERROR Exiting")).toBe(false);
    expect(m('ERROR -"retry later"', "ERROR give up")).toBe(true);
    expect(m("%exit status [1-9]%", "exit status 2")).toBe(true);
    expect(m("", "anything")).toBe(true);
  });

  it("refuse what AWS refuses or the emulator cannot honour", () => {
    expect(() => filterPattern("exit: status")).toThrow("Invalid character(s) in term 'exit:'");
    expect(() => filterPattern('"unclosed')).toThrow(/not closed/);
    expect(() => filterPattern("{ $.level = \"error\" }")).toThrow(/text filter patterns only/);
    expect(() => filterPattern("%(%")).toThrow(/Invalid regular expression/);
  });
});

describe("FilterLogEvents", () => {
  it("interleaves streams by time, and resumes exactly after its token", () => {
    const a = stream("a", 5, (i) => `a${i}\n`, 1_000_000);
    const b = stream("b", 5, (i) => `b${i}\n`, 1_000_500);
    const all = filterLogEvents([b, a], {});
    expect(lines(all.events)).toEqual(["a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4"]);
    expect(all.nextToken).toBeUndefined();
    const first = filterLogEvents([a, b], { limit: 3 });
    const rest = filterLogEvents([a, b], { nextToken: first.nextToken });
    expect([...lines(first.events), ...lines(rest.events)]).toEqual(lines(all.events));
    expect(lines(filterLogEvents([a, b], { startTime: 1_002_000, endTime: 1_003_000 }).events)).toEqual(["a2", "b2", "a3"]);
  });

  it("returns a partial (even empty) page with a nextToken when its scan budget runs out", () => {
    const long = stream("long", SCAN_BUDGET + 10, (i) => (i === SCAN_BUDGET + 5 ? "needle\n" : "hay\n"));
    const page = filterLogEvents([long], { filterPattern: "needle" });
    expect(page.events).toEqual([]);
    expect(page.nextToken).toBeDefined();
    expect(lines(filterLogEvents([long], { filterPattern: "needle", nextToken: page.nextToken }).events)).toEqual(["needle"]);
  });
});
