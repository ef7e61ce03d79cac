/**
 * The bench's SDK app as a process of its own, as it runs in production (the Next.js server and
 * the executor are separate processes). Started by index.ts with BENCH_APP_CONFIG (JSON: baseUrl,
 * signingKey, eventKey); it sends `{ url }` once listening, answers `"gaps"` with the step gaps
 * StepClock recorded and the CPU it used since it was ready, and exits on `"exit"` (so `--cpu-prof` can write its profile).
 */
import { serve } from "inngest/next";
import { serveApp } from "../../inngest/conformance/harness";
import { createBenchApp, StepClock } from "./app";

type Config = { baseUrl: string; signingKey: string; eventKey: string };

async function main() {
  const config = JSON.parse(process.env.BENCH_APP_CONFIG ?? "{}") as Config;
  const clock = new StepClock();
  const { client, functions } = createBenchApp(config, clock);
  const app = await serveApp(serve({ client, functions }) as unknown as Parameters<typeof serveApp>[0]);
  process.on("message", (message) => {
    if (message === "gaps") {
      const cpu = process.cpuUsage(ready);
      process.send?.({ gaps: clock.gaps(), cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (message === "exit") void app.close().then(() => process.exit(0));
  });
  const ready = process.cpuUsage();
  process.send?.({ url: app.url });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
