import type { Metadata } from "next";
import { SettingsHub } from "@/components/settings/settings-hub";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return <SettingsHub />;
}
