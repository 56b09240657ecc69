import type { BuildPhaseType } from "@aws-sdk/client-codebuild";
import type { BuildBehaviour } from "../scenario/types";
import { mix } from "./toolchains";

/*
 * A simulated build's phases, laid out over the action run's planned time: SUBMITTED, QUEUED,
 * PROVISIONING and DOWNLOAD_SOURCE take seconds, the buildspec's phases (INSTALL, PRE_BUILD, BUILD,
 * POST_BUILD) share most of the run, UPLOAD_ARTIFACTS and FINALIZING close it, COMPLETED starts when
 * FINALIZING ends. As in CodeBuild, a failing BUILD still runs POST_BUILD and UPLOAD_ARTIFACTS, a
 * failing INSTALL or PRE_BUILD goes straight to FINALIZING. Drawn from a hash of the run, never from the
 * engine's generator, so builds leave scenario histories as they were.
 */

export type FailingPhase = NonNullable<BuildBehaviour["failingPhase"]>;

export interface PlannedPhase {
  type: BuildPhaseType;
  start: number;
  end: number;
  failed: boolean;
}

/** Seconds of the short phases: [min, max], scaled down when the run is short. */
const FIXED: Partial<Record<BuildPhaseType, [number, number]>> = {
  SUBMITTED: [0, 1],
  QUEUED: [1, 3],
  PROVISIONING: [10, 28],
  DOWNLOAD_SOURCE: [2, 6],
  UPLOAD_ARTIFACTS: [1, 4],
  FINALIZING: [2, 4],
};
/** Shares of the rest of the run. */
const SHARE: Partial<Record<BuildPhaseType, number>> = { INSTALL: 0.2, PRE_BUILD: 0.06, BUILD: 0.68, POST_BUILD: 0.06 };

const ORDER: BuildPhaseType[] = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING"];

/** The phases that run when `failing` fails (all of them when nothing does). */
function phasesRun(failing: FailingPhase | undefined): BuildPhaseType[] {
  if (failing === "INSTALL" || failing === "PRE_BUILD") return [...ORDER.slice(0, ORDER.indexOf(failing) + 1), "FINALIZING"];
  return ORDER;
}

/** SUBMITTED to FINALIZING between `start` and `end` (COMPLETED begins at the last one's end). */
export function planPhases(seed: number, start: number, end: number, failing: FailingPhase | undefined): PlannedPhase[] {
  const types = phasesRun(failing);
  const total = Math.max(0, end - start);
  const fixed = new Map(
    types.flatMap((type, i) => {
      const range = FIXED[type];
      return range ? [[type, (range[0] + (mix(seed, i) % 1000) / 1000 * (range[1] - range[0])) * 1000] as const] : [];
    }),
  );
  const fixedTotal = [...fixed.values()].reduce((a, b) => a + b, 0);
  const scale = fixedTotal > total / 2 ? total / 2 / fixedTotal : 1;
  const shares = types.filter((t) => SHARE[t] !== undefined);
  const shareTotal = shares.reduce((a, t) => a + SHARE[t]!, 0);
  const rest = total - fixedTotal * scale;
  let at = start;
  return types.map((type, i) => {
    const length = fixed.has(type) ? fixed.get(type)! * scale : (rest * SHARE[type]!) / shareTotal;
    const from = at;
    at = i === types.length - 1 ? end : at + length;
    return { type, start: Math.round(from), end: Math.round(at), failed: type === failing };
  });
}
