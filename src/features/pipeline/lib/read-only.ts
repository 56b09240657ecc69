import type { Source } from "../../../lib/aws/source";

/**
 * Config `readOnly: true` hides every control. F's Source does not carry it yet; once the config
 * schema and Source gain `readOnly`, this picks it up without a change here.
 */
export function isReadOnly(source: Source): boolean {
  return (source as Source & { readOnly?: boolean }).readOnly === true;
}
