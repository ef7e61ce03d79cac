import { Inngest, type ClientOptions } from "inngest";

const cachedHeaders = Symbol("cachedHeaders");
const lastEnv = Symbol("lastEnv");

type Env = Record<string, string | undefined>;

/** Same variables with the same values (the SDK adds a `toJSON` function to each env object). */
function sameEnv(a: Env, b: Env | undefined): boolean {
  if (!b) return false;
  const keys = (e: Env) => Object.keys(e).filter((k) => typeof e[k] !== "function");
  const ka = keys(a);
  return ka.length === keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * The SDK's client, minus a cost on every API request it makes (step checkpoints, events): its
 * API headers (SDK version, environment name, platform) are computed once per incoming
 * request instead of on each call: the SDK rebuilds them from a scan of the whole process
 * environment every time it reads `headers` or `env` (~0.2 ms, several times per step). The
 * cache is dropped whenever the SDK refreshes the client's env with different values
 * (`setEnvVars`, at the start of each request it handles), so the values are the ones the SDK
 * itself would compute.
 * Behaviour is otherwise the SDK's (pinned in package.json; see ADR 006 for upgrades).
 */
export class SdkClient<const TClientOpts extends ClientOptions = ClientOptions> extends Inngest<TClientOpts> {
  declare private [cachedHeaders]: Record<string, string> | undefined;
  declare private [lastEnv]: Env | undefined;

  override get headers(): Record<string, string> {
    return (this[cachedHeaders] ??= super.headers);
  }

  override setEnvVars(env?: Env): this {
    if (!env || !sameEnv(env, this[lastEnv])) this[cachedHeaders] = undefined;
    this[lastEnv] = env;
    return super.setEnvVars(env);
  }
}
