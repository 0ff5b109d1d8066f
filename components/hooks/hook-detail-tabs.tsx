"use client";
// The tab registry of the hook detail page (`?tab=`). The delivery engine's tabs plug in here: replace
// a `null` Component with yours; ids are fixed, since links (`/hooks/{uuid}?tab=testing`) use them.
import type { ComponentType } from "react";
import type { Role } from "@/lib/auth/roles";
import type { HookDto } from "@/lib/contracts/hooks";
import { DeliveriesTab } from "@/components/deliveries/deliveries-tab";
import { MetricsTab } from "@/components/deliveries/metrics-tab";
import { TestingTab } from "@/components/deliveries/testing-tab";
import { HookInspectorTab } from "./hook-inspector-tab";
import { PollEventsTab } from "./poll-events-tab";

export type HookTabId = "deliveries" | "metrics" | "testing" | "inspector" | "events";
type Mode = HookDto["mode"];

export interface HookTabProps {
  hook: HookDto;
  role: Role;
}

export interface HookTab {
  id: HookTabId;
  label: string;
  /** null = not built yet: the page shows a placeholder saying so. */
  Component: ComponentType<HookTabProps> | null;
  /** Only members and admins get the tab (it exists to act, not to read). */
  manage?: boolean;
  /** The delivery modes that have the tab (default: push only; a poll hook is never sent anything). */
  modes?: Mode[];
}

export const HOOK_TABS: HookTab[] = [
  { id: "deliveries", label: "Deliveries", Component: DeliveriesTab },
  { id: "metrics", label: "Metrics", Component: MetricsTab },
  { id: "testing", label: "Testing", Component: TestingTab, manage: true },
  { id: "inspector", label: "Inspector", Component: HookInspectorTab },
  { id: "events", label: "Events", Component: PollEventsTab, modes: ["poll"] },
];

export const DEFAULT_HOOK_TAB: HookTabId = "deliveries";

/** The tabs `role` gets on a hook of `mode`. */
export function hookTabsFor(role: Role, mode: Mode = "push"): HookTab[] {
  return HOOK_TABS.filter((t) => (role !== "viewer" || !t.manage) && (t.modes ?? ["push"]).includes(mode));
}

export function hookTab(id: string, role: Role = "admin", mode: Mode = "push"): HookTab {
  const tabs = hookTabsFor(role, mode);
  return tabs.find((t) => t.id === id) ?? tabs.find((t) => t.id === DEFAULT_HOOK_TAB) ?? tabs[0];
}
