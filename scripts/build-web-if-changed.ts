// `npm start`'s first step: rebuild web/dist only when the web app's sources changed since the
// last build (scripts/web-build.ts), so a restart takes a second instead of a bundle.
import { fileURLToPath } from "node:url";
import { buildWebIfChanged, runViteBuild } from "./web-build.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();
try {
  const outcome = await buildWebIfChanged(root, async (dir) => {
    console.error("de webapp wordt gebouwd …");
    await runViteBuild(dir);
  });
  if (outcome === "built") {
    console.error(`webapp gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error(`aanwezig: de webapp bouwen mislukte: ${(error as Error).message}`);
  process.exitCode = 1;
}
