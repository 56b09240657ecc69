import { createHash } from "node:crypto";
import type { FilteredLogEvent, FilterLogEventsResponse, GetLogEventsResponse, OutputLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { InvalidParameterException } from "../errors/cloudwatch-logs";
import type { LogStreamView } from "./run-logs";

/*
 * GetLogEvents and FilterLogEvents over log streams whose events are made when read, paged as
 * CloudWatch Logs pages them:
 *
 * - GetLogEvents: `startFromHead` (default false: the latest events), `limit` (default as many as fit
 *   in 1 MB, up to 10,000), startTime inclusive and endTime exclusive, and two tokens that are never
 *   null: `nextForwardToken` (`f/…`) and `nextBackwardToken` (`b/…`). A token given as nextToken says
 *   the direction; at the end of the stream the same token comes back, which is how clients know to
 *   stop (and, for a stream that is still growing, where to poll from).
 * - FilterLogEvents: events of the group's streams (or `logStreamNames`) interleaved by time, startTime
 *   and endTime inclusive, a filter pattern (terms, "quoted phrases", ?alternatives, -exclusions and
 *   %regular expressions%; case-sensitive), `limit` (default 10,000), and `nextToken` while anything
 *   may be left. A page may hold fewer events than the limit (or none) and still have a nextToken: the
 *   emulator scans at most SCAN_BUDGET events a call, as AWS's own pages stop short.
 */

export const DEFAULT_LIMIT = 10_000;
const MAX_PAGE_BYTES = 1_048_576;
/** What CloudWatch Logs counts per event on top of its message's UTF-8 bytes (as PutLogEvents' batch size does). */
const EVENT_OVERHEAD_BYTES = 26;
export const SCAN_BUDGET = 200_000;

const bytesOf = (message: string) => Buffer.byteLength(message, "utf8") + EVENT_OVERHEAD_BYTES;

const digitsOf = new Map<string, string>();
/** 46 digits bound to the stream: a token or event id of another stream does not decode here. */
function streamDigits(key: string): string {
  let digits = digitsOf.get(key);
  if (digits === undefined) {
    if (digitsOf.size > 10_000) digitsOf.clear();
    digits = (BigInt(`0x${createHash("sha256").update(key).digest("hex")}`) % 10n ** 46n).toString().padStart(46, "0");
    digitsOf.set(key, digits);
  }
  return digits;
}

const invalidToken = () => new InvalidParameterException("The specified nextToken is invalid.");

/** `f/<56 digits>/s` or `b/<56 digits>/s`, as AWS's tokens look; the last ten digits are the position. */
function encodeToken(direction: "f" | "b", key: string, position: number): string {
  return `${direction}/${streamDigits(key)}${String(position).padStart(10, "0")}/s`;
}

function decodeToken(token: string, key: string): { direction: "f" | "b"; position: number } {
  const match = /^([fb])\/(\d{46})(\d{10})\/s$/.exec(token);
  if (!match || match[2] !== streamDigits(key)) throw invalidToken();
  return { direction: match[1] as "f" | "b", position: Number(match[3]) };
}

/** The first index whose timestamp is at least `time` (events are in time order). */
function firstAtOrAfter(stream: LogStreamView, time: number): number {
  let lo = 0;
  let hi = stream.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stream.timestamp(mid) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface GetLogEventsQuery {
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

export function getLogEvents(stream: LogStreamView, query: GetLogEventsQuery): Required<Pick<GetLogEventsResponse, "events" | "nextForwardToken" | "nextBackwardToken">> {
  const lo = query.startTime === undefined ? 0 : firstAtOrAfter(stream, query.startTime);
  const hi = Math.max(lo, query.endTime === undefined ? stream.size : firstAtOrAfter(stream, query.endTime));
  const limit = query.limit ?? DEFAULT_LIMIT;
  const token = query.nextToken === undefined ? undefined : decodeToken(query.nextToken, stream.key);
  const forward = token ? token.direction === "f" : query.startFromHead === true;
  const at = Math.min(hi, Math.max(lo, token?.position ?? (forward ? lo : hi)));
  const events: OutputLogEvent[] = [];
  let bytes = 0;
  if (forward) {
    for (let i = at; i < hi && events.length < limit; i++) {
      const event = stream.event(i);
      if ((bytes += bytesOf(event.message)) > MAX_PAGE_BYTES) break;
      events.push(event);
    }
    return { events, nextForwardToken: encodeToken("f", stream.key, at + events.length), nextBackwardToken: encodeToken("b", stream.key, at) };
  }
  for (let i = at - 1; i >= lo && events.length < limit; i--) {
    const event = stream.event(i);
    if ((bytes += bytesOf(event.message)) > MAX_PAGE_BYTES) break;
    events.push(event);
  }
  events.reverse();
  return { events, nextForwardToken: encodeToken("f", stream.key, at), nextBackwardToken: encodeToken("b", stream.key, at - events.length) };
}

// ---- Filter patterns --------------------------------------------------------------------------------

type Matcher = (message: string) => boolean;

/**
 * CloudWatch Logs' text filter patterns: every term must appear (`ERROR timeout`), a "quoted phrase"
 * as written, `?a ?b` at least one of the ?-terms, `-term` none; `%regex%` a regular expression.
 * Unquoted terms are letters, digits and underscores, as AWS requires. JSON (`{ $.x = … }`) and
 * space-delimited (`[ip, …]`) patterns select fields of structured events, which build logs are not:
 * the emulator refuses them rather than match nothing.
 */
export function filterPattern(pattern: string | undefined): Matcher {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{") || text.startsWith("[")) {
    throw new InvalidParameterException(`The emulator matches text filter patterns only (terms, "phrases", ?alternatives, -exclusions, %regex%), not '${text.slice(0, 40)}'.`);
  }
  const regex = /^%(.+)%$/s.exec(text);
  if (regex) {
    let compiled: RegExp;
    try {
      compiled = new RegExp(regex[1], "u");
    } catch {
      throw new InvalidParameterException(`Invalid regular expression in the filter pattern: ${regex[1]}`);
    }
    return (message) => compiled.test(message);
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  const tokens = /\s*([?-]?)(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))/gy;
  let consumed = 0;
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
    consumed = tokens.lastIndex;
    const [, prefix, quoted, bare] = m;
    if (bare !== undefined && !/^[\p{L}\p{N}_]+$/u.test(bare)) throw new InvalidParameterException(`Invalid character(s) in term '${bare}'`);
    const term = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : bare;
    (prefix === "?" ? any : prefix === "-" ? none : all).push(term);
  }
  if (text.slice(consumed).trim() !== "") throw new InvalidParameterException("Invalid filter pattern: a quoted phrase is not closed.");
  return (message) => all.every((t) => message.includes(t)) && (any.length === 0 || any.some((t) => message.includes(t))) && !none.some((t) => message.includes(t));
}

// ---- FilterLogEvents ---------------------------------------------------------------------------------

export interface FilterLogEventsQuery {
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
}

/** Where a page stopped: after the event at (timestamp, stream, index), in that order. */
interface Position {
  t: number;
  s: string;
  i: number;
}

function encodeFilterToken(position: Position): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

function decodeFilterToken(token: string): Position {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Position;
    if (Number.isFinite(value.t) && typeof value.s === "string" && Number.isInteger(value.i)) return value;
  } catch {
    // fall through
  }
  throw invalidToken();
}

const before = (a: Position, b: Position) => a.t < b.t || (a.t === b.t && (a.s < b.s || (a.s === b.s && a.i < b.i)));

/** A cursor per stream, smallest (timestamp, stream, index) first. */
class Cursors {
  private heap: (Position & { stream: LogStreamView })[] = [];
  push(item: Position & { stream: LogStreamView }): void {
    const h = this.heap;
    h.push(item);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }
  pop(): (Position & { stream: LogStreamView }) | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
  get size(): number {
    return this.heap.length;
  }
}

export function filterLogEvents(streams: LogStreamView[], query: FilterLogEventsQuery): Pick<FilterLogEventsResponse, "events" | "searchedLogStreams" | "nextToken"> {
  const matches = filterPattern(query.filterPattern);
  const after = query.nextToken === undefined ? undefined : decodeFilterToken(query.nextToken);
  const from = Math.max(query.startTime ?? 0, after?.t ?? 0);
  const cursors = new Cursors();
  const advance = (stream: LogStreamView, i: number) => {
    if (i >= stream.size) return;
    const t = stream.timestamp(i);
    if (query.endTime === undefined || t <= query.endTime) cursors.push({ t, s: stream.name, i, stream });
  };
  for (const stream of streams) {
    let i = firstAtOrAfter(stream, from);
    // Events at the token's own instant that it already covered.
    while (after && i < stream.size && !before(after, { t: stream.timestamp(i), s: stream.name, i })) i++;
    advance(stream, i);
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const events: FilteredLogEvent[] = [];
  let bytes = 0;
  let scanned = 0;
  let last: Position | undefined;
  while (cursors.size > 0 && events.length < limit && scanned < SCAN_BUDGET) {
    const cursor = cursors.pop()!;
    const event = cursor.stream.event(cursor.i);
    if (matches(event.message)) {
      if (bytes + bytesOf(event.message) > MAX_PAGE_BYTES) {
        cursors.push(cursor);
        break;
      }
      bytes += bytesOf(event.message);
      events.push({ logStreamName: cursor.s, timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime, eventId: eventId(cursor.stream, cursor.i, event.timestamp) });
    }
    scanned++;
    last = { t: cursor.t, s: cursor.s, i: cursor.i };
    advance(cursor.stream, cursor.i + 1);
  }
  return { events, searchedLogStreams: [], ...(cursors.size > 0 && last && { nextToken: encodeFilterToken(last) }) };
}

/** 56 digits, as CloudWatch Logs' event ids are: the time, the stream and the position. */
function eventId(stream: LogStreamView, index: number, timestamp: number): string {
  return `${String(timestamp).padStart(14, "0")}${streamDigits(stream.key).slice(0, 32)}${String(index).padStart(10, "0")}`;
}
