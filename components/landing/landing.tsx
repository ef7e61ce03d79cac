import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

const POINTS = [
  {
    title: "AI proposes",
    text: "Workflows compute what they would do and show their reasoning before anything changes.",
  },
  { title: "People approve", text: "Risky actions wait for the right approver, scoped by domain and amount." },
  { title: "Everything is logged", text: "An append-only, hash-chained audit log you can verify at any time." },
];

export function Landing() {
  return (
    <div className="flex min-h-full flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <nav className="flex items-center gap-2" aria-label="Account">
          <Link href="/sign-in" className={buttonClasses("ghost", "sm")} data-testid="landing-sign-in">
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClasses("primary", "sm")} data-testid="landing-sign-up">
            Sign up
          </Link>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 pt-12 pb-16 sm:px-6 sm:pt-20">
        <h1 className="max-w-2xl text-3xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
          Automation your team can trust.
        </h1>
        <p className="mt-4 max-w-xl text-base text-slate-600 sm:text-lg">
          Handrail runs your routine workflows with AI, asks people before anything risky, and keeps every change logged
          and reversible.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonClasses("primary", "md")}>
            Create an account
          </Link>
          <Link href="/sign-in" className={buttonClasses("secondary", "md")}>
            Sign in
          </Link>
        </div>
        <ul className="mt-16 grid gap-4 sm:grid-cols-3">
          {POINTS.map((p) => (
            <li key={p.title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="font-medium text-slate-900">{p.title}</p>
              <p className="mt-1 text-sm text-slate-600">{p.text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
