"use client";
// A refused upload: the message, each bad item (where, path, expected, got), and the list as a download.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { downloadJson, type UploadOutcome } from "./upload-xhr";

export function UploadErrors({ outcome, fileName }: { outcome: Extract<UploadOutcome, { ok: false }>; fileName: string }) {
  return (
    <div className="space-y-3">
      <Alert>
        Upload refused ({outcome.code}): {outcome.message} Nothing from this file was queued.
      </Alert>
      {outcome.issues.length ? (
        <>
          <div className="flex items-center justify-between">
            <p className="text-sm">
              {outcome.issues.length} problem{outcome.issues.length === 1 ? "" : "s"}
            </p>
            <Button variant="secondary" onClick={() => downloadJson(`${fileName}.errors.json`, outcome.issues)}>
              Download errors (JSON)
            </Button>
          </div>
          <Table label="Upload errors">
            <thead>
              <tr>
                <Th>At</Th>
                <Th>Path</Th>
                <Th>Expected</Th>
                <Th>Got</Th>
              </tr>
            </thead>
            <tbody>
              {outcome.issues.slice(0, 200).map((i, n) => (
                <Tr key={n}>
                  <Td className="font-mono text-xs">{i.at ?? "—"}</Td>
                  <Td className="font-mono text-xs">{i.path ?? "—"}</Td>
                  <Td className="font-mono text-xs">{i.expected ?? i.message ?? "—"}</Td>
                  <Td className="font-mono text-xs">{i.got ?? "—"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </div>
  );
}
