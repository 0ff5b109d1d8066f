import type { Metadata } from "next";
import { NotFoundView } from "@/components/shell/not-found-view";

export const metadata: Metadata = { title: "Page not found" };

// Outside the dashboard's layout (no session needed): the same page, without the shell.
export default function RootNotFound() {
  return (
    <main className="p-4">
      <NotFoundView />
    </main>
  );
}
