/** Loopback ports the benchmark may use (the machine is shared: stay inside 4750-4759). */
export const PORTS = {
  emulator: 4750,
  app: 4751,
  loadTestEmulator: 4752,
  lighthouseChrome: 4753,
} as const;

export const HOST = "127.0.0.1";
