import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { SdkClient } from "./sdk-client";

const options = { id: "sdk-client-test", isDev: false, signingKey: "signkey-test-00", eventKey: "evt" } as const;

describe("SdkClient", () => {
  it("has the SDK's own API headers and environment", () => {
    const plain = new Inngest(options);
    const client = new SdkClient(options);
    expect(client.headers).toEqual(plain.headers);
    expect(client.env).toBe(plain.env);
  });

  it("keeps its headers while the SDK refreshes its env with the same values", () => {
    const client = new SdkClient(options);
    client.setEnvVars({ INNGEST_ENV: "branch-a" });
    const before = client.headers;
    client.setEnvVars({ INNGEST_ENV: "branch-a" });
    expect(client.headers).toBe(before);
  });

  it("computes its headers again when the SDK refreshes its env", () => {
    const client = new SdkClient(options);
    const before = client.headers;
    expect(client.headers).toBe(before);
    client.setEnvVars({ INNGEST_ENV: "branch-a" });
    expect(client.env).toBe("branch-a");
    const plain = new Inngest(options).setEnvVars({ INNGEST_ENV: "branch-a" });
    expect(client.headers).toEqual(plain.headers);
  });
});
