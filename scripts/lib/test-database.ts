import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ephemeralSecrets } from "./local-env";
import { checkSchemaDrift, enableAppLogin, freePort, migrateDeploy, startEmbeddedPostgres } from "./postgres";

/**
 * A throwaway PostgreSQL for one test run: started, migrated, checked for schema drift, and
 * described through the same env vars the app reads. DATABASE_ADMIN_URL is the superuser,
 * for tests that must prove what the app role cannot do.
 */
export async function startTestDatabase(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const secrets = ephemeralSecrets();
  const root = mkdtempSync(path.join(os.tmpdir(), "handrail-test-"));
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(root, "data"),
    port: await freePort(),
    password: secrets.HANDRAIL_DB_ADMIN_PASSWORD,
    persistent: false,
    quiet: true,
  });
  migrateDeploy(pg.adminUrl);
  checkSchemaDrift(pg.adminUrl);
  const appUrl = await enableAppLogin(pg.adminUrl, secrets.HANDRAIL_DB_APP_PASSWORD);
  return {
    env: {
      DATABASE_URL: appUrl,
      DATABASE_ADMIN_URL: pg.adminUrl,
      AUTH_SECRET: secrets.AUTH_SECRET,
      HANDRAIL_ENCRYPTION_KEY: secrets.HANDRAIL_ENCRYPTION_KEY,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stop: async () => {
      await pg.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
