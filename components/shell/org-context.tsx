"use client";

import { createContext, useContext } from "react";
import type { z } from "zod";
import type { ZCurrentOrg } from "@/server/orgs/org.schemas";

export type CurrentOrg = z.infer<typeof ZCurrentOrg>;

export const OrgContext = createContext<CurrentOrg | null>(null);

/** The organisation and role of the page being shown; only inside the /o/[org] shell. */
export function useOrg(): CurrentOrg {
  const org = useContext(OrgContext);
  if (!org) throw new Error("useOrg() is used outside the organisation shell.");
  return org;
}

export const orgPath = (slug: string, section = "") => `/o/${encodeURIComponent(slug)}${section}`;
