import { SerializationException, ValidationException } from "../errors";
import { CONSTRAINTS, type Constraint } from "./constraints";
import { schemaNode, type RawSchema } from "./schema";

/**
 * Check a parsed JSON request body against an operation's input schema and return the value the
 * handler gets: unknown members dropped, `null` treated as absent, timestamps as Dates.
 *
 * Wrong JSON types fail at once with SerializationException, as AWS's JSON deserializer does
 * before validation runs. Missing members and constraint violations are collected and reported
 * together in AWS's wording: "2 validation errors detected: Value '…' at 'a.b' failed to satisfy
 * constraint: Member must …; Value null at 'c' failed to satisfy constraint: Member must not be null".
 */
export function validateInput(body: unknown, inputSchema: RawSchema): Record<string, unknown> {
  const problems: string[] = [];
  const result = readStructure(body, inputSchema, "", problems);
  if (problems.length > 0) {
    const count = `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected`;
    throw new ValidationException(`${count}: ${problems.join("; ")}`);
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

function check(value: unknown, constraint: Constraint | undefined, path: string, problems: string[]): void {
  if (!constraint) return;
  const fail = (rule: string) =>
    problems.push(`Value ${render(value)} at '${path}' failed to satisfy constraint: Member must ${rule}`);
  const size =
    typeof value === "string" ? value.length
    : Array.isArray(value) ? value.length
    : typeof value === "object" && value !== null ? Object.keys(value).length
    : undefined;
  if (constraint.length && size !== undefined) {
    const [min, max] = constraint.length;
    if (size < min) fail(`have length greater than or equal to ${min}`);
    else if (max !== undefined && size > max) fail(`have length less than or equal to ${max}`);
  }
  if (constraint.range && typeof value === "number") {
    const [min, max] = constraint.range;
    if (value < min) fail(`have value greater than or equal to ${min}`);
    else if (max !== undefined && value > max) fail(`have value less than or equal to ${max}`);
  }
  if (constraint.pattern && typeof value === "string" && !new RegExp(`^(?:${constraint.pattern})$`, "u").test(value)) {
    fail(`satisfy regular expression pattern: ${constraint.pattern}`);
  }
  if (constraint.enum && typeof value === "string" && !constraint.enum.includes(value)) {
    fail(`satisfy enum value set: [${constraint.enum.join(", ")}]`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readStructure(value: unknown, schema: RawSchema, path: string, problems: string[]): Record<string, unknown> {
  const node = schemaNode(schema);
  if (node.kind !== "structure") throw new Error("readStructure needs a structure schema");
  if (!isObject(value)) throw typeMismatch(value, "a Structure");
  const out: Record<string, unknown> = {};
  for (const member of node.members) {
    const memberPath = path ? `${path}.${member.name}` : member.name;
    const raw = value[member.name];
    if (raw === undefined || raw === null) {
      if (member.required) {
        problems.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
      }
      continue;
    }
    const key = `${node.name}.${member.name}`;
    out[member.name] = readValue(raw, member.schema, memberPath, key, problems);
  }
  return out;
}

/** `key` names the member in the constraint table; nested list/map items extend it with `.member`, `.key`, `.value`. */
function readValue(value: unknown, schema: RawSchema, path: string, key: string, problems: string[]): unknown {
  const node = schemaNode(schema);
  let result: unknown;
  switch (node.kind) {
    case "structure":
      result = readStructure(value, schema, path, problems);
      break;
    case "list": {
      if (!Array.isArray(value)) throw typeMismatch(value, "a List");
      // AWS numbers list items from 1 and spells the path `list.1.member`.
      result = value
        .filter((item) => item !== null)
        .map((item, i) => readValue(item, node.member, `${path}.${i + 1}.member`, `${key}.member`, problems));
      break;
    }
    case "map": {
      if (!isObject(value)) throw typeMismatch(value, "a Map");
      const entries: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null) continue;
        check(k, CONSTRAINTS[`${key}.key`], `${path}.${k}.key`, problems);
        entries[k] = readValue(v, node.value, `${path}.${k}.value`, `${key}.value`, problems);
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
    case "timestamp": {
      // awsJson1_1 timestamps are epoch seconds; botocore sends integers, the SDK fractions.
      if (typeof value !== "number" || !Number.isFinite(value)) throw typeMismatch(value, "a Date");
      result = new Date(value * 1000);
      break;
    }
    case "document":
      result = value;
      break;
  }
  check(value, CONSTRAINTS[key], path, problems);
  return result;
}
