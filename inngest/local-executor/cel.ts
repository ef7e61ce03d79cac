import { parse } from "@marcbachmann/cel-js";

type Compiled = ReturnType<typeof parse>;
type AstNode = { op: string; args: unknown };

const cache = new Map<string, { fn: Compiled; paths: string[][] } | Error>();

/** Member chains rooted at a variable (`event.data.a.b` → ["event","data","a","b"]). */
function collectPaths(node: unknown, out: string[][]): string[] | null {
  if (!node || typeof node !== "object") return null;
  const { op, args } = node as AstNode;
  if (op === "id" && typeof args === "string") return [args];
  if (op === "." && Array.isArray(args)) {
    const base = collectPaths(args[0], out);
    if (base && typeof args[1] === "string") {
      const path = [...base, args[1]];
      out.push(path);
      return path;
    }
    return null;
  }
  if (Array.isArray(args)) for (const a of args) walk(a, out);
  return null;
}

function walk(node: unknown, out: string[][]): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else collectPaths(node, out);
}

function compile(expression: string): { fn: Compiled; paths: string[][] } | Error {
  let hit = cache.get(expression);
  if (!hit) {
    try {
      const fn = parse(expression);
      const paths: string[][] = [];
      walk(fn.ast, paths);
      hit = { fn, paths };
    } catch (error) {
      hit = error instanceof Error ? error : new Error(String(error));
    }
    if (cache.size > 1000) cache.clear();
    cache.set(expression, hit);
  }
  return hit;
}

function clone(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Inngest treats a missing key as null, while CEL raises "no such key"; so every member chain
 * the expression reads is filled in with null (and empty maps on the way) before evaluating.
 */
function fillMissing(vars: Record<string, unknown>, paths: string[][]): void {
  for (const path of paths) {
    let cursor: unknown = vars;
    for (let i = 0; i < path.length; i++) {
      if (!cursor || typeof cursor !== "object" || Array.isArray(cursor)) break;
      const obj = cursor as Record<string, unknown>;
      const key = path[i]!;
      if (!(key in obj) || obj[key] === undefined) obj[key] = i === path.length - 1 ? null : {};
      cursor = obj[key];
    }
  }
}

/** Evaluates a CEL expression over `event`/`async`; errors surface to the caller. */
export function evaluate(expression: string, vars: Record<string, unknown>): unknown {
  const compiled = compile(expression);
  if (compiled instanceof Error) throw compiled;
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(vars)) scope[k] = clone(v);
  fillMissing(scope, compiled.paths);
  const value = compiled.fn(scope) as unknown;
  return typeof value === "bigint" ? Number(value) : value;
}

/** Inngest's matching rule: only a literal `true` matches; an evaluation error is "no match". */
export function matches(expression: string | null | undefined, vars: Record<string, unknown>): boolean {
  if (!expression) return true;
  try {
    return evaluate(expression, vars) === true;
  } catch {
    return false;
  }
}

/** Key expressions (concurrency, idempotency, rate limit) become strings; a failure is null. */
export function evaluateKey(expression: string, vars: Record<string, unknown>): string | null {
  try {
    const value = evaluate(expression, vars);
    if (value === null || value === undefined) return null;
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return null;
  }
}
