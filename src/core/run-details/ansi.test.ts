import { describe, expect, it } from "vitest";
import { ansiSegments, stripAnsi } from "./ansi";

describe("ansiSegments", () => {
  it("splits a line into coloured segments with their decorations", () => {
    expect(ansiSegments("\x1b[1;31mERROR\x1b[0m tests \x1b[92mpassed\x1b[0m")).toEqual([
      { text: "ERROR", fg: "red", bold: true },
      { text: " tests " },
      { text: "passed", fg: "bright-green" },
    ]);
  });

  it("maps the first 16 colours of the 256 palette and drops the others and true colour", () => {
    expect(ansiSegments("\x1b[38;5;9ma\x1b[38;5;200mb\x1b[38;2;1;2;3mc\x1b[44md")).toEqual([
      { text: "a", fg: "bright-red" },
      { text: "b" },
      { text: "c" },
      { text: "d", bg: "blue" },
    ]);
  });

  it("keeps markup as text: nothing is interpreted but colour codes", () => {
    expect(ansiSegments("<img src=x onerror=alert(1)> \x1b[33m<b>warn</b>")).toEqual([
      { text: "<img src=x onerror=alert(1)> " },
      { text: "<b>warn</b>", fg: "yellow" },
    ]);
  });

  it("shows what a terminal would: the text after the last carriage return, no OSC links, titles or controls", () => {
    expect(ansiSegments("progress 10%\rprogress 50%\rprogress 100%\r\n")).toEqual([{ text: "progress 100%" }]);
    expect(ansiSegments("see \x1b]8;;https://evil.example\x07the docs\x1b]8;;\x07\x1b]0;title\x07 now\x07\x00")).toEqual([{ text: "see the docs now" }]);
    expect(ansiSegments("\x1b[2K\x1b[1Gdone\x1b[?25h")).toEqual([{ text: "done" }]);
  });
});

describe("stripAnsi", () => {
  it("leaves the plain text", () => {
    expect(stripAnsi("\x1b[1;31mnpm ERR!\x1b[0m code 1")).toBe("npm ERR! code 1");
    expect(stripAnsi("plain")).toBe("plain");
  });
});
