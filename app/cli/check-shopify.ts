// `npm run check:shopify` (also run by `npm test`): Shopify's own checks, offline.
//  1. `shopify app build`  — validates shopify.app.toml and builds every extension (incl. theme check)
//  2. `shopify app doctor` — Shopify's security scan, blocking at low: 0 findings allowed
//  3. theme-check with the theme-app-extension config on extensions/baton-chat: 0 offenses
import path from "node:path";
import { themeCheckRun } from "@shopify/theme-check-node";
import { ROOT, runShopifyCli } from "./shopify-cli";

interface DoctorIssue {
  id: string;
  severity: string;
  location?: { file?: string; line?: number };
  message: string;
}

async function main(): Promise<number> {
  let failed = 0;

  const build = await runShopifyCli(["app", "build", "--path", ROOT, "--skip-dependencies-installation"], { scratchHome: true, capture: true });
  console.log(`[check:shopify] shopify app build: ${build.code === 0 ? "ok" : `FAILED (exit ${build.code})`}`);
  if (build.code !== 0) {
    console.log(build.stdout + build.stderr);
    failed++;
  }

  const doctor = await runShopifyCli(["app", "doctor", "--path", ROOT, "--json", "--blocking", "low"], { scratchHome: true, capture: true });
  let issues: DoctorIssue[] = [];
  try {
    issues = (JSON.parse(doctor.stdout) as { scan: { issues: DoctorIssue[] } }).scan.issues;
  } catch {
    console.log(doctor.stdout + doctor.stderr);
  }
  console.log(`[check:shopify] shopify app doctor --blocking low: ${issues.length} finding${issues.length === 1 ? "" : "s"} (exit ${doctor.code})`);
  for (const i of issues) console.log(`  ${i.severity} ${i.id} ${i.location?.file ?? ""}:${i.location?.line ?? ""} ${i.message}`);
  if (doctor.code !== 0 || issues.length > 0) failed++;

  // Offline, theme-check logs that it could not download fresh docs data and uses its bundled copy.
  const quiet = () => {};
  const { offenses } = await themeCheckRun(path.join(ROOT, "extensions/baton-chat"), "theme-check:theme-app-extension", quiet);
  console.log(`[check:shopify] theme-check (theme-app-extension): ${offenses.length} offense${offenses.length === 1 ? "" : "s"}`);
  for (const o of offenses) console.log(`  ${o.check} ${o.uri}:${o.start.line + 1} ${o.message}`);
  if (offenses.length > 0) failed++;

  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[check:shopify] ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
