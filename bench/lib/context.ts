import type { Browser } from "@playwright/test";
import type { ServedApp } from "./app";
import type { BenchEmulator } from "./emulator";
import type { BenchOptions } from "./options";
import type { SectionResult } from "./report";

export interface BenchContext {
  options: BenchOptions;
  emulator: BenchEmulator;
  app: ServedApp;
  browser: Browser;
  log(message: string): void;
}

export type Section = (context: BenchContext) => Promise<SectionResult>;
