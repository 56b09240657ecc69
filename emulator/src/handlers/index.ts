// PLACEHOLDER (owned by the engine/handlers work): every operation answers UnsupportedOperationException
// until its handler lands. The real table maps each of the 44 operations to handlers/<operation>.ts.
import { UnsupportedOperationException } from "../errors";
import type { OperationName } from "../protocol/operations";
import type { HandlerTable } from "./types";

const unsupported = (op: OperationName) => () => {
  throw new UnsupportedOperationException(`The emulator does not support ${op}.`);
};

export const handlers = new Proxy({} as HandlerTable, {
  get: (_t, op: string) => unsupported(op as OperationName),
});
