import { execFileSync } from "node:child_process";

type Person = { id: string; email: string };
export type RecordsScenario = {
  slug: string;
  orgId: string;
  owner: Person;
  admin: Person;
  operator: Person;
  auditor: Person;
};

export const RECORDS_PASSWORD = "correct horse battery staple";

/** An organisation with an owner, an admin, an operator and an auditor (fresh for each call). */
export function seedRecordsOrg(): RecordsScenario {
  const out = execFileSync("npx", ["tsx", "e2e/support/records-seed.cli.ts"], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const last = out.trim().split("\n").pop();
  if (!last) throw new Error("the records seed printed nothing");
  return JSON.parse(last) as RecordsScenario;
}
