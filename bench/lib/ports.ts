/** Loopback ports the benchmark may use: 4750-4753, or from BENCH_PORT_BASE so two runs can share a machine. */
const base = Number(process.env.BENCH_PORT_BASE ?? 4750);
export const PORTS = {
  emulator: base,
  app: base + 1,
  loadTestEmulator: base + 2,
  lighthouseChrome: base + 3,
} as const;

export const HOST = "127.0.0.1";
