import { type AwsError, SerializationException, ValidationException } from "../errors";
import { type Constraints, constraintsOf, type Member, type ServiceModel, shapeOf } from "./model";

/**
 * Check a parsed JSON request body against an operation's input in the service's model and return
 * the value the handler gets: unknown members dropped, `null` treated as absent, timestamps as Dates.
 *
 * Wrong JSON types fail at once with SerializationException, as AWS's JSON deserializer does
 * before validation runs. Missing members and constraint violations are collected and reported
 * together in AWS's wording (as the service's `invalid` error: ValidationException unless it says otherwise): "2 validation errors detected: Value '…' at 'a.b' failed to satisfy
 * constraint: Member must …; Value null at 'c' failed to satisfy constraint: Member must not be null".
 */
export function validateInput(
  body: unknown,
  model: ServiceModel,
  operation: string,
  invalid: (message: string) => AwsError = (message) => new ValidationException(message),
): Record<string, unknown> {
  const input = model.operations[operation]?.input;
  const problems: string[] = [];
  const reader = new Reader(model, problems);
  const result = reader.structure(body, input, "");
  if (problems.length > 0) {
    const count = `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected`;
    throw invalid(`${count}: ${problems.join("; ")}`);
  }
  return result;
}

function jsonTypeToken(value: unknown): string {
  if (typeof value === "string") return "STRING_VALUE";
  if (typeof value === "number") return "NUMBER_VALUE";
  if (typeof value === "boolean") return value ? "TRUE_VALUE" : "FALSE_VALUE";
  return "VALUE";
}

function typeMismatch(value: unknown, expected: string): SerializationException {
  if (Array.isArray(value)) return new SerializationException("Start of list found where not expected");
  if (typeof value === "object" && value !== null) {
    return new SerializationException("Start of structure or map found where not expected.");
  }
  return new SerializationException(`${jsonTypeToken(value)} can not be converted to ${expected}`);
}

function render(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === undefined || value === null) return "null";
  return `'${JSON.stringify(value)}'`;
}

/**
 * AWS words a pattern as its service model has it; the published Smithy models anchor those patterns
 * (`^…$`, and `^…` for a Coral pattern that ended in `.*`), so undo that for the message.
 */
export function awsPattern(pattern: string): string {
  if (!pattern.startsWith("^")) return pattern;
  const body = pattern.slice(1);
  return body.endsWith("$") ? body.slice(0, -1) : `${body}.*`;
}

const compiled = new Map<string, RegExp>();
/**
 * AWS matches the whole value against its own pattern (Java's `matches`), which the anchoring added
 * to the Smithy model does not always say: `^AWS|ThirdParty$` would let `AWSx` through as a JS search.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) compiled.set(pattern, (regex = new RegExp(`^(?:${awsPattern(pattern)})$`, "u")));
  return regex.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Reader {
  constructor(
    private readonly model: ServiceModel,
    private readonly problems: string[],
  ) {}

  private check(value: unknown, constraints: Constraints, path: string): void {
    const fail = (rule: string) => this.problems.push(`Value ${render(value)} at '${path}' failed to satisfy constraint: Member must ${rule}`);
    const size =
      typeof value === "string" ? value.length
      : Array.isArray(value) ? value.length
      : isObject(value) ? Object.keys(value).length
      : undefined;
    const { length, range, pattern } = constraints;
    if (length && size !== undefined) {
      if (length.min !== undefined && size < length.min) fail(`have length greater than or equal to ${length.min}`);
      else if (length.max !== undefined && size > length.max) fail(`have length less than or equal to ${length.max}`);
    }
    if (range && typeof value === "number") {
      if (range.min !== undefined && value < range.min) fail(`have value greater than or equal to ${range.min}`);
      else if (range.max !== undefined && value > range.max) fail(`have value less than or equal to ${range.max}`);
    }
    if (pattern && typeof value === "string" && !matchesPattern(pattern, value)) fail(`satisfy regular expression pattern: ${awsPattern(pattern)}`);
    if (constraints.enum && typeof value === "string" && !constraints.enum.includes(value)) {
      fail(`satisfy enum value set: [${constraints.enum.join(", ")}]`);
    }
  }

  /** A structure (`shape` undefined: an operation with no input, which still takes `{}`). */
  structure(value: unknown, shapeName: string | undefined, path: string): Record<string, unknown> {
    const shape = shapeName === undefined ? { type: "structure" as const, members: {} } : shapeOf(this.model, shapeName);
    if (shape.type !== "structure" && shape.type !== "union") throw new Error(`${shapeName} is not a structure`);
    if (!isObject(value)) throw typeMismatch(value, "a Structure");
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      const memberPath = path ? `${path}.${name}` : name;
      const raw = value[name];
      if (raw === undefined || raw === null) {
        if (member.required) this.problems.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
        continue;
      }
      out[name] = this.value(raw, member, memberPath);
    }
    return out;
  }

  private value(value: unknown, member: Member, path: string): unknown {
    const shape = shapeOf(this.model, member.target);
    let result: unknown;
    switch (shape.type) {
      case "structure":
      case "union":
        result = this.structure(value, member.target, path);
        break;
      case "list":
        if (!Array.isArray(value)) throw typeMismatch(value, "a List");
        // AWS numbers list items from 1 and spells the path `list.1.member`.
        result = value.filter((item) => item !== null).map((item, i) => this.value(item, shape.member, `${path}.${i + 1}.member`));
        break;
      case "map": {
        if (!isObject(value)) throw typeMismatch(value, "a Map");
        const entries: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          if (v === null) continue;
          this.check(k, constraintsOf(shapeOf(this.model, shape.key.target), shape.key), `${path}.${k}.key`);
          entries[k] = this.value(v, shape.value, `${path}.${k}.value`);
        }
        result = entries;
        break;
      }
      case "string":
      case "blob":
        if (typeof value !== "string") throw typeMismatch(value, "a String");
        result = value;
        break;
      case "number":
        if (typeof value !== "number") throw typeMismatch(value, "an Integer");
        result = value;
        break;
      case "boolean":
        if (typeof value !== "boolean") throw typeMismatch(value, "a Boolean");
        result = value;
        break;
      case "timestamp":
        // AWS JSON timestamps are epoch seconds; botocore sends integers, the SDK fractions.
        if (typeof value !== "number" || !Number.isFinite(value)) throw typeMismatch(value, "a Date");
        result = new Date(value * 1000);
        break;
      case "document":
        result = value;
        break;
    }
    this.check(value, constraintsOf(shape, member), path);
    return result;
  }
}
