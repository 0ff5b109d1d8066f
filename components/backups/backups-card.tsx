"use client";
// Settings → Backups: create a dump of the whole instance (hook secrets left out or encrypted with a
// passphrase), watch its task's progress, list dumps and download them. Restoring is `npm run restore`.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { dumpDownloadUrl, useCreateDumpMutation, useDumps, type DumpDto } from "./queries";

function size(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const tone = (s: DumpDto["status"]) => (s === "succeeded" ? "success" : s === "failed" || s === "canceled" ? "danger" : "info");

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4">
      <path d="M10 3v10m0 0-4-4m4 4 4-4M4 16h12" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function BackupsCard() {
  const dumps = useDumps();
  const create = useCreateDumpMutation();
  const [secrets, setSecrets] = useState<"exclude" | "encrypt">("exclude");
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const list = dumps.data?.results ?? [];
  const current = list.find((d) => d.status === "enqueued" || d.status === "processing");

  async function onCreate() {
    setError(null);
    if (secrets === "encrypt" && passphrase.length < 12) return setError("The passphrase needs at least 12 characters.");
    try {
      await create.mutateAsync(secrets === "encrypt" ? { secrets, passphrase } : { secrets });
      setPassphrase("");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Card className="mt-6 space-y-5" data-testid="backups">
      <div>
        <h2 className="text-lg font-semibold">Backups</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A dump holds every index (schema, live documents, pending changes, the versions kept for rollback), API keys (as hashes), hooks, settings and users.
          Restore one into an empty instance with <code className="font-mono text-xs">npm run restore -- FILE</code>: also the way from the embedded database to Postgres.
        </p>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Hook secrets</legend>
        {(
          [
            ["exclude", "Leave out", "Restore makes new signing secrets and tokens; custom header values are not kept."],
            ["encrypt", "Encrypt with a passphrase", "Kept, sealed with AES-256-GCM; restore needs the passphrase."],
          ] as const
        ).map(([value, label, description]) => (
          <label
            key={value}
            className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm ${secrets === value ? "border-indigo-500 bg-indigo-50/50 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
          >
            <input type="radio" name="dump-secrets" value={value} checked={secrets === value} onChange={() => setSecrets(value)} className="mt-0.5" />
            <span>
              <span className="font-medium">{label}</span>
              <span className="block text-zinc-600 dark:text-zinc-400">{description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {secrets === "encrypt" ? (
        <Field id="dump-passphrase" label="Passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" onClick={onCreate} disabled={create.isPending || !!current}>
        {current ? "Writing a dump…" : "Create dump"}
      </Button>

      {current ? (
        <div className="space-y-1" data-testid="dump-progress">
          <ProgressBar value={current.progress} label={`Dump ${current.uid}`} />
          <p className="text-xs text-zinc-500">
            Task #{current.taskUid}: {current.progress}% {current.phase && current.phase !== "queued" ? `(${current.phase})` : ""}
          </p>
        </div>
      ) : null}

      {list.length === 0 ? (
        <EmptyState title="No dumps yet" />
      ) : (
        <Table label="Dumps">
          <thead>
            <tr>
              <Th>Dump</Th>
              <Th>Status</Th>
              <Th>Secrets</Th>
              <Th>Size</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Download</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <Tr key={d.uid}>
                <Td className="font-mono text-xs">{d.uid}</Td>
                <Td>
                  <Badge tone={tone(d.status)}>{d.status}</Badge>
                  {d.error ? <p className="mt-1 text-xs text-red-600 dark:text-red-400">{d.error}</p> : null}
                </Td>
                <Td>{d.secrets === "encrypt" ? "encrypted" : "left out"}</Td>
                <Td>{size(d.sizeBytes)}</Td>
                <Td className="whitespace-nowrap"><When at={d.enqueuedAt} /></Td>
                <Td>
                  {d.available ? (
                    <a
                      href={dumpDownloadUrl(d.uid)}
                      download
                      className="inline-flex items-center gap-1 text-sm text-indigo-700 hover:underline dark:text-indigo-300"
                      aria-label={`Download dump ${d.uid}`}
                    >
                      <DownloadIcon />
                      Download
                    </a>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
