import type { Metadata } from "next";
import { SecuritySettings } from "@/components/settings/security-settings";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return <SecuritySettings />;
}
