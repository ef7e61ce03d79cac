import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function listen(server: http.Server | net.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  servers.push({
    close: () => {
      if (server instanceof http.Server) server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An echo server that counts the TCP connections it accepted. */
async function echoServer() {
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-seen": String(req.headers["x-probe"]) });
      res.end(JSON.stringify({ method: req.method, body: Buffer.concat(chunks).toString("utf8") }));
    });
  });
  server.on("connection", () => connections++);
  return { url: await listen(server), connections: () => connections };
}

describe("keepAliveFetch", () => {
  it("sends the method, headers and body, and returns status, headers and body", async () => {
    const { url } = await echoServer();
    const res = await keepAliveFetch(`${url}/x`, {
      method: "POST",
      headers: { "x-probe": "yes", "content-type": "application/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-seen")).toBe("yes");
    expect(await res.json()).toEqual({ method: "POST", body: '{"a":1}' });
  });

  it("reuses one connection for consecutive requests", async () => {
    const { url, connections } = await echoServer();
    for (let i = 0; i < 3; i++) {
      const res = await keepAliveFetch(new URL(url), { method: "POST", body: String(i) });
      expect(await res.json()).toEqual({ method: "POST", body: String(i) });
    }
    expect(connections()).toBe(1);
  });

  it("rejects with the signal's reason when aborted, and closes the request", async () => {
    const controller = new AbortController();
    let closed: () => void = () => undefined;
    const requestClosed = new Promise<void>((r) => (closed = r));
    // Never answers: the request is aborted once the server has it.
    const server = http.createServer((req) => {
      req.socket.on("close", () => closed());
      controller.abort();
    });
    const url = await listen(server);
    await expect(keepAliveFetch(url, { method: "POST", body: "{}", signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    await requestClosed;
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { url, connections } = await echoServer();
    const reason = new Error("gave up");
    await expect(keepAliveFetch(url, { method: "POST", body: "{}", signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(connections()).toBe(0);
  });

  it("honours a timeout signal", async () => {
    const server = http.createServer(() => undefined);
    const url = await listen(server);
    await expect(
      keepAliveFetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(20) }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("sends a request again on a fresh socket when a reused idle socket was reset", async () => {
    let connections = 0;
    // Answers the first request on a connection and resets the connection on the second one,
    // as a server does when it closes an idle keep-alive socket while the client writes.
    const server = net.createServer((socket) => {
      connections++;
      let requests = 0;
      socket.on("data", () => {
        if (++requests > 1) return socket.resetAndDestroy();
        socket.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok");
      });
    });
    const url = await listen(server);
    expect(await (await keepAliveFetch(url, { method: "POST", body: "1" })).text()).toBe("ok");
    expect(await (await keepAliveFetch(url, { method: "POST", body: "2" })).text()).toBe("ok");
    expect(connections).toBe(2);
  });

  it("fails like fetch when nothing listens", async () => {
    const server = http.createServer();
    const url = await listen(server);
    servers.splice(0).forEach((s) => s.close());
    await expect(keepAliveFetch(url, { method: "POST", body: "{}" })).rejects.toThrow("fetch failed");
  });

  it("leaves other requests to the global fetch", async () => {
    const { url } = await echoServer();
    const res = await keepAliveFetch(new Request(url, { method: "POST", body: "streamed" }));
    expect(await res.json()).toEqual({ method: "POST", body: "streamed" });
    const bytes = await keepAliveFetch(url, { method: "PUT", body: new TextEncoder().encode("bytes") });
    expect(await bytes.json()).toEqual({ method: "PUT", body: "bytes" });
  });
});
