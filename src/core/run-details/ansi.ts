import Anser from "anser";

/**
 * ANSI colours of log lines as plain data (text plus a colour name per segment), so the UI renders them as
 * text in styled spans: log text is hostile input and never becomes HTML. The SGR parsing is anser's
 * (`ansiToJson`, no HTML involved); around it, what anser leaves: OSC sequences (hyperlinks, window titles) and
 * other control characters are dropped, and a carriage return keeps what a terminal would show last.
 */

const COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"] as const;
export type AnsiColour = (typeof COLOURS)[number] | `bright-${(typeof COLOURS)[number]}`;

export interface AnsiSegment {
  text: string;
  fg?: AnsiColour;
  bg?: AnsiColour;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

// eslint-disable-next-line no-control-regex
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
// C0 controls but tab and escape, and DEL: they have no business on screen.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]/g;

/** What a terminal shows of one line: after the last carriage return (progress bars), without OSC or controls. */
function terminalLine(line: string): string {
  const trimmed = line.endsWith("\r\n") ? line.slice(0, -2) : line.replace(/[\r\n]+$/, "");
  const cr = trimmed.lastIndexOf("\r");
  return (cr >= 0 ? trimmed.slice(cr + 1) : trimmed).replace(OSC, "").replace(CONTROLS, "");
}

/** anser's class names: `ansi-red`, `ansi-bright-red`, `ansi-palette-9`; 256-colour entries 0-15 are the basic ones. */
function colour(name: string | null): AnsiColour | undefined {
  if (!name) return undefined;
  const basic = /^ansi-((?:bright-)?[a-z]+)$/.exec(name);
  if (basic && COLOURS.some((c) => basic[1] === c || basic[1] === `bright-${c}`)) return basic[1] as AnsiColour;
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette && Number(palette[1]) < 16) {
    const n = Number(palette[1]);
    return (n < 8 ? COLOURS[n] : `bright-${COLOURS[n - 8]}`) as AnsiColour;
  }
  // Other 256-colour and true-colour values keep the theme's text colour: legible on light and dark alike.
  return undefined;
}

export function ansiSegments(line: string): AnsiSegment[] {
  const text = terminalLine(line);
  if (!text.includes("\x1b")) return [{ text }];
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((entry) => {
    const segment: AnsiSegment = { text: entry.content };
    const fg = colour(entry.fg);
    const bg = colour(entry.bg);
    if (fg) segment.fg = fg;
    if (bg) segment.bg = bg;
    for (const decoration of entry.decorations) {
      if (decoration === "bold" || decoration === "dim" || decoration === "italic" || decoration === "underline") segment[decoration] = true;
    }
    return segment;
  });
}

/** The line as plain text: for search, "first error" and downloads of what is shown. */
export function stripAnsi(line: string): string {
  const text = terminalLine(line);
  return text.includes("\x1b") ? Anser.ansiToText(text) : text;
}
