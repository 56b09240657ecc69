/** A path into a JSON document: object keys and array indexes, outermost first. */
export type JsonPath = (string | number)[];

export interface TextRange {
  from: number;
  to: number;
}

/** Where JSON text stops being JSON; the browser's JSON.parse message does not always say. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * Where each value of a JSON text sits, keyed by its path. JSON.parse gives values but no positions;
 * inline errors need positions, so this walks the text once, strictly: on broken JSON it throws a
 * JsonSyntaxError that says where.
 */
export function jsonValueRanges(text: string): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  let i = 0;
  const fail = (expected: string): never => {
    const found = i >= text.length ? "the end of the text" : `“${text[i]}”`;
    const { line, column } = lineColumn(text, i);
    throw new JsonSyntaxError(`expected ${expected} at line ${line}, column ${column}, found ${found}`, i);
  };
  const skipSpace = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
  };
  const expect = (c: string) => {
    skipSpace();
    if (text[i] !== c) fail(`“${c}”`);
    i++;
  };
  const readString = (): string => {
    skipSpace();
    const start = i;
    if (text[i] !== '"') fail("a string in double quotes");
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\n") fail("a closing quote");
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail("a closing quote");
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail("a valid string");
    }
  };
  const readValue = (path: JsonPath) => {
    skipSpace();
    const from = i;
    const c = text[i];
    if (c === "{") {
      i++;
      skipSpace();
      if (text[i] === "}") i++;
      else {
        for (;;) {
          const key = readString();
          expect(":");
          readValue([...path, key]);
          skipSpace();
          if (text[i] === ",") i++;
          else if (text[i] === "}") {
            i++;
            break;
          } else fail("“,” or “}”");
        }
      }
    } else if (c === "[") {
      i++;
      skipSpace();
      if (text[i] === "]") i++;
      else {
        for (let index = 0; ; index++) {
          readValue([...path, index]);
          skipSpace();
          if (text[i] === ",") i++;
          else if (text[i] === "]") {
            i++;
            break;
          } else fail("“,” or “]”");
        }
      }
    } else if (c === '"') {
      readString();
    } else {
      const literal = LITERAL.exec(text.slice(i, i + 400));
      if (!literal) fail("a value");
      i += literal![0].length;
    }
    ranges.set(pathKey(path), { from, to: i });
  };
  readValue([]);
  skipSpace();
  if (i < text.length) fail("the end of the text");
  return ranges;
}

/** 1-based line and column of an offset, for parse errors and "line 12" in problem lists. */
export function lineColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export const pathKey = (path: JsonPath) => JSON.stringify(path);

/**
 * The range of the value at `path`, or of its nearest ancestor that exists (a missing `roleArn` is
 * reported on the object that lacks it). Objects and arrays are marked on their first line only, so
 * a problem with a stage does not paint the whole stage red.
 */
export function locatePath(text: string, ranges: Map<string, TextRange>, path: JsonPath): TextRange {
  for (let n = path.length; n >= 0; n--) {
    const range = ranges.get(pathKey(path.slice(0, n)));
    if (!range) continue;
    const lineEnd = text.indexOf("\n", range.from);
    const to = lineEnd === -1 || lineEnd > range.to ? range.to : lineEnd;
    return { from: range.from, to: Math.max(to, range.from + 1) };
  }
  return { from: 0, to: Math.min(1, text.length) };
}
