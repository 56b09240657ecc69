// How long the demo takes to load (fast-forwarding its history), with and without the year-long catalog-service:
// `npx tsx emulator/scripts/measure-demo-load.ts`. Medians of 7 loads; the machine's load makes single runs noisy.
import { createEmulatorCore } from "../src/engine/core";
import { deliveryPipeline } from "../src/demo/delivery-history";
import { demoScenario } from "../src/demo/index";
for (const label of ["delivery alone", "demo without delivery", "demo"]) {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const core = createEmulatorCore({ clock: "manual" as never });
    const demo = demoScenario();
    const scenario =
      label === "delivery alone" ? { seed: 1, historyDays: 90, pipelines: [deliveryPipeline(1, ["a"])] } :
      label === "demo without delivery" ? { ...demo, pipelines: demo.pipelines.filter((p) => p.declaration.name !== "catalog-service") } : demo;
    const t0 = performance.now();
    core.loadScenario(scenario);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(label, Math.round(runs[3]), runs.map(Math.round).join(" "));
}
