import { redirect } from "next/navigation";
import { Landing } from "@/components/landing/landing";
import { auth } from "@/server/auth/config";
import { serverCaller } from "@/server/trpc/server-caller";

async function homeFor(): Promise<string | null> {
  if (!(await auth())?.user) return null;
  try {
    const orgs = await (await serverCaller()).org.listMine();
    return orgs[0] ? `/o/${encodeURIComponent(orgs[0].slug)}` : "/onboarding";
  } catch {
    // A session whose user no longer exists: show the landing page so they can sign in again.
    return null;
  }
}

export default async function HomePage() {
  const home = await homeFor();
  if (home) redirect(home);
  return <Landing />;
}
