import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Handrail", template: "%s · Handrail" },
  description:
    "Governed AI automation: AI proposes, people approve what is risky, everything is logged and reversible.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-full bg-slate-50 font-sans text-slate-900 antialiased">
        <TrpcProvider>{children}</TrpcProvider>
      </body>
    </html>
  );
}
