"use client";
// The hooks list: where each hook posts (monospace), what it receives, its status and when it was made.
import Link from "next/link";
import type { HookDto } from "@/lib/contracts/hooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { filterSummary } from "./filter-summary";
import { hookLabel } from "./hook-label";
import { HookStatusBadge, refusalReason } from "./hook-status-badge";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { BacklogNote } from "./backlog";
import { PauseButton } from "./pause-button";

interface Props {
  hooks: HookDto[];
  onEdit?: (h: HookDto) => void;
  onDelete?: (h: HookDto) => void;
}

const ENV_REASON = "Configured by TASK_WEBHOOK_URL: change the environment to edit it.";

export function HooksTable({ hooks, onEdit, onDelete }: Props) {
  return (
    <Table label="Webhooks">
      <thead>
        <tr>
          <Th>Endpoint</Th>
          <Th>Kind</Th>
          <Th>Receives</Th>
          <Th>Status</Th>
          <Th>Last delivery</Th>
          <Th>Created</Th>
          {onEdit ? <Th><span className="sr-only">Actions</span></Th> : null}
        </tr>
      </thead>
      <tbody>
        {hooks.map((h) => (
          <Tr key={h.uuid} data-testid="hook-row">
            <Td className="min-w-56 max-w-md">
              <Link href={`/hooks/${h.uuid}`} className="break-all font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">
                {hookLabel(h)}
              </Link>
              {refusalReason(h) ? <div className="mt-1 text-xs text-red-700 dark:text-red-300" data-testid="hook-refused">Refused: {refusalReason(h)}</div> : null}
              {h.isEditable ? null : <div className="mt-1 text-xs text-zinc-500" title={ENV_REASON}>from TASK_WEBHOOK_URL</div>}
            </Td>
            <Td>
              <Badge tone="info">{h.kind}</Badge>
              {h.mode === "poll" ? <> <Badge tone="neutral">poll</Badge></> : null}
            </Td>
            <Td className="text-zinc-600 dark:text-zinc-400">{filterSummary(h)}</Td>
            <Td>
              <HookStatusBadge hook={h} />
              <BacklogNote hook={h} className="mt-1 block" />
            </Td>
            <Td className="whitespace-nowrap text-xs" data-testid="last-delivery">
              {h.lastDelivery ? (
                <>
                  <DeliveryStatusBadge status={h.lastDelivery.status} /> {h.lastDelivery.statusCode ?? ""} · <When at={h.lastDelivery.at} />
                </>
              ) : (
                <span className="text-zinc-500">None yet</span>
              )}
            </Td>
            <Td className="whitespace-nowrap"><When at={h.createdAt} /></Td>
            {onEdit ? (
              <Td className="whitespace-nowrap text-right">
                <PauseButton hook={h} variant="ghost" />
                <Button variant="ghost" aria-label={`Edit ${hookLabel(h)}`} onClick={() => onEdit(h)}>
                  {h.isEditable ? "Edit" : "View"}
                </Button>
                {onDelete ? (
                  <Button
                    variant="ghost"
                    className="text-red-600! disabled:opacity-50 dark:text-red-400!"
                    aria-label={`Delete ${hookLabel(h)}`}
                    disabled={!h.isEditable}
                    title={h.isEditable ? undefined : ENV_REASON}
                    onClick={() => onDelete(h)}
                  >
                    Delete
                  </Button>
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
