"use client";
// An alert dialog for irreversible or risky steps: names the object and the consequence, and can ask
// for a word typed out before it lets the action run. Rendered only while open.
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { inputClass } from "./select";

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  /** When set, the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, danger, busy, typeToConfirm }: Props) {
  if (!open) return null;
  return <ConfirmBody {...{ title, confirmLabel, onConfirm, onCancel, danger, busy, typeToConfirm }}>{children}</ConfirmBody>;
}

function ConfirmBody({ title, children, confirmLabel, onConfirm, onCancel, danger, busy, typeToConfirm }: Omit<Props, "open">) {
  const [typed, setTyped] = useState("");
  const blocked = !!typeToConfirm && typed !== typeToConfirm;
  return (
    <Dialog alert title={title} onCancel={onCancel}>
      <div className="space-y-4 text-sm">
        {children}
        {typeToConfirm ? (
          <label className="block space-y-1">
            <span>
              Type <span className="font-mono font-semibold">{typeToConfirm}</span> to confirm
            </span>
            <input className={`${inputClass} font-mono`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
        ) : null}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {blocked ? <span className="mr-auto text-xs text-zinc-500">Type the id above to enable.</span> : null}
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={danger ? "danger" : "primary"} disabled={blocked || busy} onClick={onConfirm}>
            {busy ? "Working…" : confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
