import "server-only";
import { redirect } from "next/navigation";
import { authHref } from "@/components/lib/callback-url";
import { auth } from "@/server/auth/config";

/** For server pages that need a signed-in visitor: otherwise off to sign in, coming back to `path`. */
export async function requireSession(path: string) {
  const session = await auth();
  if (!session?.user) redirect(authHref("/sign-in", path));
  return session;
}
