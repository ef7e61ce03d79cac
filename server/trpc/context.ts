import "server-only";
import { auth } from "../auth/config";
import { clientIp } from "../auth/client-ip";
import type { Context } from "./init";

export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  const session = await auth();
  const id = session?.user?.id;
  return { sessionUser: id ? { id } : null, headers, ip: clientIp(headers) };
}
