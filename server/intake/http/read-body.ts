/** The body, or null when it is larger than `limit` bytes (checked before anything parses it). */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaredTooLarge(request, limit)) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A declared Content-Length over the limit is refused without reading a byte. */
export function declaredTooLarge(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get("content-length") ?? "");
  return Number.isFinite(declared) && declared > limit;
}

export function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}
