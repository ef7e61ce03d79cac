import { Inngest, type ClientOptions } from "inngest";

const cachedHeaders = Symbol("cachedHeaders");

/**
 * The SDK's client, minus a cost on every API request it makes (step checkpoints, events): its
 * API headers (SDK version, environment name, platform) are computed once per incoming
 * request instead of on each call: the SDK rebuilds them from a scan of the whole process
 * environment every time it reads `headers` or `env` (~0.2 ms, several times per step). The
 * cache is dropped whenever the SDK refreshes the client's env (`setEnvVars`, at the start of
 * each request it handles), so the values are the ones the SDK itself would compute.
 * Behaviour is otherwise the SDK's (pinned in package.json; see ADR 006 for upgrades).
 */
export class SdkClient<const TClientOpts extends ClientOptions = ClientOptions> extends Inngest<TClientOpts> {
  declare private [cachedHeaders]: Record<string, string> | undefined;

  override get headers(): Record<string, string> {
    return (this[cachedHeaders] ??= super.headers);
  }

  override setEnvVars(env?: Record<string, string | undefined>): this {
    this[cachedHeaders] = undefined;
    return super.setEnvVars(env);
  }
}
