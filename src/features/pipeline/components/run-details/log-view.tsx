import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ansiSegments, stripAnsi, type AnsiColour, type AnsiSegment } from "../../../../core/run-details/ansi";
import { fieldClass, linkClass, secondaryButton } from "../../../../components/styles";
import type { LogLine } from "../../../../lib/aws/build-log-queries";

/**
 * A log stream on screen: virtualized (only the rows in view exist, so 100,000 lines scroll like 100), ANSI
 * colours as styled text (never HTML), line numbers, search, wrapping, download, "jump to first error", and
 * following new lines while the run goes on (only while the view sits at the bottom).
 */

/** ANSI colours in tones legible on the log's light and dark backgrounds (axe checks the contrast). */
const FG: Record<AnsiColour, string> = {
  black: "text-zinc-900 dark:text-zinc-400",
  red: "text-red-700 dark:text-red-400",
  green: "text-green-800 dark:text-green-400",
  yellow: "text-yellow-800 dark:text-yellow-300",
  blue: "text-blue-700 dark:text-blue-300",
  magenta: "text-fuchsia-700 dark:text-fuchsia-300",
  cyan: "text-cyan-800 dark:text-cyan-300",
  white: "text-zinc-600 dark:text-zinc-100",
  "bright-black": "text-zinc-600 dark:text-zinc-400",
  "bright-red": "text-red-700 dark:text-red-300",
  "bright-green": "text-green-700 dark:text-green-300",
  "bright-yellow": "text-amber-700 dark:text-yellow-200",
  "bright-blue": "text-blue-700 dark:text-blue-200",
  "bright-magenta": "text-fuchsia-700 dark:text-fuchsia-200",
  "bright-cyan": "text-cyan-700 dark:text-cyan-200",
  "bright-white": "text-zinc-600 dark:text-white",
};
const BG: Record<AnsiColour, string> = {
  black: "bg-zinc-300 dark:bg-zinc-800",
  red: "bg-red-100 dark:bg-red-950",
  green: "bg-green-100 dark:bg-green-950",
  yellow: "bg-yellow-100 dark:bg-yellow-950",
  blue: "bg-blue-100 dark:bg-blue-950",
  magenta: "bg-fuchsia-100 dark:bg-fuchsia-950",
  cyan: "bg-cyan-100 dark:bg-cyan-950",
  white: "bg-zinc-100 dark:bg-zinc-700",
  "bright-black": "bg-zinc-200 dark:bg-zinc-700",
  "bright-red": "bg-red-100 dark:bg-red-900",
  "bright-green": "bg-green-100 dark:bg-green-900",
  "bright-yellow": "bg-yellow-100 dark:bg-yellow-900",
  "bright-blue": "bg-blue-100 dark:bg-blue-900",
  "bright-magenta": "bg-fuchsia-100 dark:bg-fuchsia-900",
  "bright-cyan": "bg-cyan-100 dark:bg-cyan-900",
  "bright-white": "bg-zinc-50 dark:bg-zinc-600",
};

function segmentClass(s: AnsiSegment): string {
  return [s.fg && FG[s.fg], s.bg && BG[s.bg], s.bold && "font-bold", s.dim && "opacity-80", s.italic && "italic", s.underline && "underline"]
    .filter(Boolean)
    .join(" ");
}

const ROW_HEIGHT = 20;

export interface LogViewProps {
  /** What the log is, for its accessible name and the file name: "Build log", "Commands log". */
  label: string;
  fileName: string;
  lines: readonly LogLine[];
  /** The line "jump to first error" goes to, scrolled to and highlighted once known. */
  errorLine?: number;
  /** New lines may still come: the view follows them while it sits at the bottom. */
  live: boolean;
  /** More pages are being read. */
  loading: boolean;
  truncated: boolean;
  consoleUrl?: string;
}

export function LogView({ label, fileName, lines, errorLine, live, loading, truncated, consoleUrl }: LogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [wrap, setWrap] = useState(false);
  const [search, setSearch] = useState("");
  const [current, setCurrent] = useState(0);
  const [atBottom, setAtBottom] = useState(true);

  const plain = useMemo(() => lines.map((line) => stripAnsi(line.message)), [lines]);
  const needle = search.trim().toLowerCase();
  const matches = useMemo(() => (needle ? plain.flatMap((line, i) => (line.toLowerCase().includes(needle) ? [i] : [])) : []), [plain, needle]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build; the virtualizer re-renders this component itself.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  // Wrapped rows have their own heights: measured as they render, estimated until then.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);

  /** The log itself on screen (the panel scrolls too), then the line in it. */
  const scrollTo = (index: number) => {
    scrollRef.current?.scrollIntoView({ block: "nearest" });
    virtualizer.scrollToIndex(index, { align: "center" });
  };

  // The failing line, once: on screen and highlighted as soon as it is known.
  const shownError = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (errorLine === undefined || shownError.current === errorLine) return;
    shownError.current = errorLine;
    setAtBottom(false);
    scrollRef.current?.scrollIntoView({ block: "nearest" });
    virtualizer.scrollToIndex(errorLine, { align: "center" });
  }, [errorLine, virtualizer]);

  // Following, as a terminal does: new lines (the last ones after the run ended too) scroll into view while the
  // reader stays at the bottom; scrolling up stops it, "Follow" resumes it.
  useEffect(() => {
    if (atBottom && lines.length > 0 && shownError.current === undefined) virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
  }, [atBottom, lines.length, virtualizer]);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    scrollTo(matches[next]);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([lines.map((l) => l.message).join("\n")], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const digits = String(Math.max(1, lines.length)).length;
  const currentLine = matches[current];

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-1">
          <span className="sr-only">Search the {label.toLowerCase()}</span>
          <input
            type="search"
            className={`${fieldClass} w-48 py-1`}
            placeholder="Search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setCurrent(0);
              const first = e.target.value.trim().toLowerCase();
              const index = first ? plain.findIndex((line) => line.toLowerCase().includes(first)) : -1;
              if (index >= 0) scrollTo(index);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                step(e.shiftKey ? -1 : 1);
              }
            }}
          />
        </label>
        {needle && (
          <>
            <span aria-live="polite" className="tabular-nums">
              {matches.length === 0 ? "No match" : `${current + 1} of ${matches.length}`}
            </span>
            <button type="button" className={`${secondaryButton} py-1`} onClick={() => step(-1)} disabled={matches.length === 0} aria-label="Previous match">
              ↑
            </button>
            <button type="button" className={`${secondaryButton} py-1`} onClick={() => step(1)} disabled={matches.length === 0} aria-label="Next match">
              ↓
            </button>
          </>
        )}
        <button type="button" className={`${secondaryButton} py-1`} aria-pressed={wrap} onClick={() => setWrap((w) => !w)}>
          Wrap lines
        </button>
        {errorLine !== undefined && (
          <button type="button" className={`${secondaryButton} py-1`} onClick={() => scrollTo(errorLine)}>
            Jump to first error
          </button>
        )}
        {live && (
          <button
            type="button"
            className={`${secondaryButton} py-1`}
            aria-pressed={atBottom}
            onClick={() => {
              shownError.current = undefined;
              setAtBottom(true);
              if (lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
            }}
          >
            Follow
          </button>
        )}
        <button type="button" className={`${secondaryButton} py-1`} onClick={download} disabled={lines.length === 0}>
          Download
        </button>
        {consoleUrl && (
          <a href={consoleUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Open in CloudWatch
          </a>
        )}
        <span className="ml-auto text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {lines.length.toLocaleString("en")} lines{loading ? ", reading…" : live ? ", following" : ""}
        </span>
      </div>
      {truncated && <p className="text-sm text-amber-800 dark:text-amber-300">The log is longer than {lines.length.toLocaleString("en")} lines: the rest is in CloudWatch.</p>}
      <div
        ref={scrollRef}
        role="region"
        aria-label={label}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
          if (bottom !== atBottom) setAtBottom(bottom);
        }}
        className="relative h-[28rem] overflow-auto rounded-md border border-zinc-300 bg-white font-mono text-xs leading-5 text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-700 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {lines.length === 0 ? (
          <p className="p-3 font-sans text-sm">{loading ? "Reading the log…" : "The log is empty."}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize() }} className="relative min-w-full">
            {virtualizer.getVirtualItems().map((row) => (
              <LogRow
                key={row.key}
                index={row.index}
                start={row.start}
                measure={wrap ? virtualizer.measureElement : undefined}
                message={lines[row.index].message}
                digits={digits}
                wrap={wrap}
                error={row.index === errorLine}
                match={matchSet.has(row.index) ? (row.index === currentLine ? "current" : "other") : undefined}
                needle={needle}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

const LogRow = memo(function LogRow({
  index,
  start,
  measure,
  message,
  digits,
  wrap,
  error,
  match,
  needle,
}: {
  index: number;
  start: number;
  measure?: (element: Element | null) => void;
  message: string;
  digits: number;
  wrap: boolean;
  error: boolean;
  match?: "current" | "other";
  needle: string;
}) {
  const tone = error
    ? "bg-red-100 border-red-600 dark:bg-red-950 dark:border-red-400"
    : match === "current"
      ? "bg-amber-100 border-amber-600 dark:bg-amber-950 dark:border-amber-400"
      : "border-transparent bg-white dark:bg-zinc-950";
  return (
    <div
      ref={measure}
      data-index={index}
      data-error-line={error || undefined}
      aria-current={error ? "true" : undefined}
      className={`absolute left-0 top-0 flex border-l-4 ${wrap ? "w-full" : "w-max min-w-full"} ${tone}`}
      style={{ transform: `translateY(${start}px)`, height: wrap ? undefined : ROW_HEIGHT }}
    >
      <span className="sticky left-0 shrink-0 select-none bg-inherit pr-3 pl-1 text-right text-zinc-600 tabular-nums dark:text-zinc-400" style={{ width: `${digits + 2}ch` }}>
        {index + 1}
      </span>
      <span className={wrap ? "min-w-0 whitespace-pre-wrap break-all pr-2" : "whitespace-pre pr-2"}>
        {error && <span className="sr-only">First error: </span>}
        {match ? highlight(stripAnsi(message), needle) : ansiSegments(message).map((s, i) => (s.fg || s.bg || s.bold || s.dim || s.italic || s.underline ? <span key={i} className={segmentClass(s)}>{s.text}</span> : s.text))}
      </span>
    </div>
  );
});

/** The line as plain text with every occurrence of the search marked. */
function highlight(text: string, needle: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); needle && at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), <mark key={at} className="bg-amber-300 text-zinc-950">{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}
