// How a hook is named in lists, headings and dialogs: its URL, or for a poll hook (which has none) a
// label with the start of its uuid.
import type { HookDto } from "@/lib/contracts/hooks";

export const hookLabel = (h: Pick<HookDto, "url" | "uuid">): string => h.url ?? `Poll hook ${h.uuid.slice(0, 8)}`;
