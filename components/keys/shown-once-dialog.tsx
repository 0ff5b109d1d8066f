"use client";
// The one time a key's secret is on screen: key, Copy and a curl example. Closing asks for confirmation
// ("You won't see this key again"); once closed the owner unmounts this and the secret is gone.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-value";
import { Dialog } from "@/components/ui/dialog";
import type { CreatedKey } from "./queries";

function curlExample(k: CreatedKey, origin: string): string {
  const index = k.indexes.find((i) => i !== "*") ?? "my-index";
  const auth = `-H "Authorization: Bearer ${k.key}"`;
  if (k.kind === "public") {
    return `curl -X POST ${origin}/api/v1/indexes/${index}/search \\\n  ${auth} \\\n  -H "Content-Type: application/json" \\\n  -d '{"term": "hello"}'`;
  }
  if (k.actions.includes("*") || k.actions.includes("ingest")) {
    return `curl -X POST ${origin}/api/v1/webhooks/${index}/notify \\\n  ${auth} \\\n  -H "Content-Type: application/json" \\\n  -d '{"upsert": [{"id": "1", "title": "Hello"}]}'`;
  }
  return `curl ${origin}/api/v1/me \\\n  ${auth}`;
}

export function ShownOnceDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <Dialog alert title="You won't see this key again" description="Make sure you copied it somewhere safe. If you lose it, revoke it and create a new one." onCancel={() => setConfirming(false)}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Back to the key
          </Button>
          <Button onClick={onClose} autoFocus>
            I copied it
          </Button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Your new key “${created.name}”`} description="Copy it now: this is the only time it is shown." onCancel={() => setConfirming(true)}>
      <div className="space-y-4">
        <CopyValue value={created.key} label="New API key" noun="key" />
        <div>
          <p className="mb-1 text-sm font-medium">Try it</p>
          {/* Wrapped, not scrolled: the whole command (with the long key) is visible and copyable at once. */}
          <CopyValue value={curlExample(created, typeof window === "undefined" ? "" : window.location.origin)} label="curl example" noun="curl command" small multiline />
        </div>
        <div className="flex justify-end">
          <Button onClick={() => setConfirming(true)}>Done</Button>
        </div>
      </div>
    </Dialog>
  );
}
