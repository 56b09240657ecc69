import type { Source } from "../../../lib/aws/source";

/** Config `readOnly: true` hides every control. */
export function isReadOnly(source: Source): boolean {
  return source.readOnly;
}
