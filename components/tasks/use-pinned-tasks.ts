"use client";
// Live lists don't move under the reader: the first page is pinned to the newest uid seen, keeps
// polling for status changes, and counts the tasks that arrived since (an "N new" pill shows them).
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTasks, type TaskFilters } from "./queries";

export function usePinnedTasks(filters: Omit<TaskFilters, "from">, from: string) {
  const qc = useQueryClient();
  const key = JSON.stringify(filters);
  const [pin, setPin] = useState<{ key: string; uid: number; total: number } | null>(null);
  const pinned = !from && pin?.key === key ? pin : null;
  const q = useTasks({ ...filters, from: from || (pinned ? String(pinned.uid) : undefined) }, { poll: true, interval: from ? undefined : 5000 });
  const top = q.data?.results[0];
  // Pin on the first answer for these filters (render-time state update, React's documented pattern).
  if (!from && !pinned && top && !q.isPlaceholderData) setPin({ key, uid: top.uid, total: q.data!.total });
  const newCount = pinned && q.data ? Math.max(0, q.data.total - pinned.total) : 0;
  const showNew = () => {
    // Drop the cached unpinned page first, or the list would re-pin to the old newest task.
    qc.removeQueries({ queryKey: ["tasks", { ...filters, from: undefined }], exact: true });
    setPin(null);
  };
  return { q, newCount, showNew };
}
