import { describe, expect, it } from "vitest";
import { JsonSyntaxError, jsonValueRanges, lineColumn, locatePath, pathKey } from "./json-positions";

const text = `{
  "name": "web",
  "stages": [
    { "name": "Source", "actions": [] },
    { "name": "Build", "actions": [{ "runOrder": 2 }] }
  ]
}
`;

const at = (ranges: Map<string, { from: number; to: number }>, path: (string | number)[]) => {
  const range = ranges.get(pathKey(path))!;
  return text.slice(range.from, range.to);
};

describe("jsonValueRanges", () => {
  it("knows where every value of the document sits, by its path", () => {
    const ranges = jsonValueRanges(text);
    expect(at(ranges, ["name"])).toBe('"web"');
    expect(at(ranges, ["stages", 1, "name"])).toBe('"Build"');
    expect(at(ranges, ["stages", 1, "actions", 0, "runOrder"])).toBe("2");
    expect(at(ranges, ["stages", 0])).toBe('{ "name": "Source", "actions": [] }');
    expect(at(ranges, [])).toBe(text.trim());
  });

  it("reads escaped keys and strings as JSON.parse does", () => {
    const ranges = jsonValueRanges('{"a\\"b": "x\\n", "n": -1.5e3, "t": [true, false, null]}');
    expect(ranges.has(pathKey(['a"b']))).toBe(true);
    expect(ranges.has(pathKey(["t", 2]))).toBe(true);
  });

  it("says where broken JSON breaks, with line and column", () => {
    const broken = '{\n  "name": "web",\n  "stages": [1,]\n}';
    expect(() => jsonValueRanges(broken)).toThrow(JsonSyntaxError);
    try {
      jsonValueRanges(broken);
    } catch (error) {
      expect((error as JsonSyntaxError).message).toBe("expected a value at line 3, column 16, found “]”");
      expect((error as JsonSyntaxError).position).toBe(broken.indexOf("]"));
    }
    expect(() => jsonValueRanges('{"a": "no end')).toThrow("expected a closing quote");
    expect(() => jsonValueRanges('{"a": 1} trailing')).toThrow("expected the end of the text at line 1, column 10");
    expect(() => jsonValueRanges("")).toThrow("found the end of the text");
  });
});

describe("locatePath", () => {
  const ranges = jsonValueRanges(text);

  it("marks a scalar whole and an object on its first line only", () => {
    const scalar = locatePath(text, ranges, ["stages", 1, "name"]);
    expect(text.slice(scalar.from, scalar.to)).toBe('"Build"');
    const stages = locatePath(text, ranges, ["stages"]);
    expect(text.slice(stages.from, stages.to)).toBe("[");
  });

  it("falls back to the nearest ancestor that exists", () => {
    const missing = locatePath(text, ranges, ["stages", 0, "actions", 3, "name"]);
    expect(text.slice(missing.from, missing.to)).toBe("[]");
    expect(locatePath("", new Map(), ["x"])).toEqual({ from: 0, to: 0 });
  });
});

describe("lineColumn", () => {
  it("counts lines and columns from 1", () => {
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('"Build"'))).toEqual({ line: 5, column: 15 });
  });
});
