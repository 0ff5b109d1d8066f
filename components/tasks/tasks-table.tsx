"use client";
// Tasks, newest first; failed rows carry their error, and a task's uid opens its JSON (`?task=uid`).
import Link from "next/link";
import { Fragment } from "react";
import type { TaskDto } from "@/lib/contracts/tasks";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { formatDuration, supersededNote, taskDetailFields } from "./format";
import { TaskStatusBadge } from "./task-status-badge";

export function TasksTable({ tasks, onOpen, showIndex = true }: { tasks: TaskDto[]; onOpen: (uid: number) => void; showIndex?: boolean }) {
  return (
    <Table label="Tasks">
      <thead>
        <tr>
          <Th>Task</Th>
          <Th>Type</Th>
          {showIndex ? <Th>Index</Th> : null}
          <Th>Status</Th>
          <Th>Details</Th>
          <Th>Enqueued</Th>
          <Th>Duration</Th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <Fragment key={t.uid}>
            <Tr data-testid={`task-row-${t.uid}`}>
              <Td>
                <button onClick={() => onOpen(t.uid)} className="font-mono text-indigo-700 hover:underline dark:text-indigo-300" aria-label={`Task #${t.uid} details`}>
                  #{t.uid}
                </button>
              </Td>
              <Td>{t.type}</Td>
              {showIndex ? (
                <Td>
                  {t.indexUid === null ? (
                    <span className="text-xs text-zinc-500">instance</span>
                  ) : (
                    <Link href={`/indexes/${encodeURIComponent(t.indexUid)}`} className="font-mono text-xs hover:underline">
                      {t.indexUid}
                    </Link>
                  )}
                </Td>
              ) : null}
              <Td>
                <TaskStatusBadge status={t.status} />
              </Td>
              <Td className="text-xs text-zinc-600 dark:text-zinc-400">
                {taskDetailFields(t.details, 5).map((f) => (
                  <div key={f.key}>
                    {f.label}: <span className="tabular-nums">{f.value}</span>
                  </div>
                ))}
                {supersededNote(t.details) ? <div>Replaced by task #{supersededNote(t.details)!.taskUid} before deploy</div> : null}
              </Td>
              <Td className="whitespace-nowrap text-xs"><When at={t.enqueuedAt} none="—" /></Td>
              <Td className="whitespace-nowrap text-xs">{formatDuration(t.duration)}</Td>
            </Tr>
            {t.status === "failed" && t.error ? (
              <tr>
                <td colSpan={showIndex ? 7 : 6} className="border-b border-zinc-100 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-zinc-800 dark:bg-red-950/50 dark:text-red-200">
                  <span className="font-mono">{t.error.code}</span>: {t.error.message}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}
