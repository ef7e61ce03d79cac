import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <AuthCard title="Page not found" subtitle="The page you were looking for does not exist or has moved.">
      <Link href="/" className={buttonClasses("primary", "md", "w-full")}>
        Go to Handrail
      </Link>
    </AuthCard>
  );
}
