"use client";
// A refused upload: the message, each bad item (where, path, expected, got), and the list as a download.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { gotText, IssuesTable, positionText } from "./issues-table";
import { downloadJson, type UploadOutcome } from "./upload-xhr";

export function UploadErrors({ outcome, fileName }: { outcome: Extract<UploadOutcome, { ok: false }>; fileName: string }) {
  return (
    <div className="space-y-3">
      <Alert>
        Upload refused ({outcome.code}): {outcome.message}
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
          <IssuesTable
            label="Upload errors"
            rows={outcome.issues.slice(0, 200).map((i) => ({ ...i, at: positionText(i.at), expected: i.expected ?? i.message, got: gotText(i) }))}
            columns={[["at", "Where"], ["path", "Path"], ["expected", "Expected"], ["got", "Got"]]}
          />
          {outcome.issues.length > 200 ? <p className="text-xs text-zinc-500">The first 200 are shown; the download has them all.</p> : null}
        </>
      ) : null}
    </div>
  );
}
